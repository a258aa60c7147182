package io.github.lbstack.internal.lb;

import io.github.lbstack.internal.backend.Endpoint;
import java.util.Map;
import java.util.function.Supplier;

/** The lb's stats page for reading and its Runtime API for changes, at the addresses the backend published. */
public final class HaproxyControl implements LbControl {

  /** Docker's DNS answers at once and HAProxy asks every 250 ms; this bounds a slot that never gets its replica. */
  private static final java.time.Duration RESOLVE_LIMIT = java.time.Duration.ofSeconds(10);

  private final String backend;
  private final Supplier<Endpoint> stats;
  private final Supplier<Endpoint> runtimeApi;

  /** @param backend the backend that holds the replicas' slots */
  public HaproxyControl(String backend, Supplier<Endpoint> stats, Supplier<Endpoint> runtimeApi) {
    this.backend = backend;
    this.stats = stats;
    this.runtimeApi = runtimeApi;
  }

  private StatsPage page() {
    return new StatsPage(stats.get().http(HaproxyConfig.STATS_PATH + ";csv"), backend);
  }

  @Override
  public Map<String, String> statuses() {
    return page().statuses();
  }

  @Override
  public Map<String, String> explainedStatuses() {
    return page().explainedStatuses();
  }

  @Override
  public Map<String, Long> requestsServed() {
    return page().requestsServed();
  }

  @Override
  public Map<String, Long> failedResponses() {
    return page().sum("hrsp_5xx", "eresp", "econ");
  }

  @Override
  public Map<String, Long> backendRequests() {
    return page().backendRequests();
  }

  @Override
  public long responsesSent() {
    return page().responsesSent();
  }

  @Override
  public Map<String, Long> openSessions() {
    return page().sum("scur");
  }

  @Override
  public void setState(String server, String state) {
    Endpoint endpoint = runtimeApi.get();
    RuntimeApi api = new RuntimeApi(endpoint.host(), endpoint.port());
    // A slot names its replica only while it may serve (see LbServer.PLACEHOLDER_HOST); "no need to change" when
    // it does already.
    if (state.equals("ready")) {
      String placeholder = api.serverAddress(backend, server);
      if (api.setServerFqdn(backend, server, server)) {
        // Until it resolves the replica, the slot still points at the lb itself, whose frontend would answer its
        // health check and serve its requests through another replica.
        try {
          org.awaitility.Awaitility.await(server + " resolved").pollInSameThread()
              .pollInterval(java.time.Duration.ofMillis(50)).atMost(RESOLVE_LIMIT)
              .until(() -> api.serverAddress(backend, server), address -> !address.equals(placeholder));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new IllegalStateException("HAProxy did not resolve " + server + " within "
              + RESOLVE_LIMIT.toSeconds() + " s of being pointed at it; it still has the address " + placeholder, e);
        }
      }
    }
    api.setServerState(backend, server, state);
    if (state.equals("maint")) {
      api.setServerFqdn(backend, server, LbServer.PLACEHOLDER_HOST);
    }
  }
}
