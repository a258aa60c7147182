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
  public long requestsUnderWay() {
    return page().requestsUnderWay();
  }

  @Override
  public Map<String, Long> openSessions() {
    return page().sum("scur");
  }

  @Override
  public void setState(String server, String state) {
    RuntimeApi api = api();
    // A slot names its replica only while it may serve (see LbServer.PLACEHOLDER_HOST).
    if (state.equals("ready")) {
      pointAt(api, server);
    }
    api.setServerState(backend, server, state);
    if (state.equals("maint")) {
      api.setServerFqdn(backend, server, LbServer.PLACEHOLDER_HOST);
    }
  }

  /** In drain, HAProxy checks a server and sends it nothing new; its stats say {@code DRAIN} once a check passed. */
  @Override
  public void stage(String server) {
    RuntimeApi api = api();
    pointAt(api, server);
    api.setServerState(backend, server, "drain");
  }

  @Override
  public boolean areStaged(java.util.Collection<String> servers) {
    Map<String, String> statuses = explainedStatuses();
    return servers.stream().map(server -> statuses.getOrDefault(server, ""))
        .allMatch(status -> status.startsWith("DRAIN") && status.contains("L7OK"));
  }

  /** One Runtime API line: HAProxy runs its commands one after another, before it handles the next request. */
  @Override
  public void switchOver(java.util.Collection<String> in, java.util.Collection<String> out) {
    java.util.List<String> commands = new java.util.ArrayList<>();
    in.forEach(server -> commands.add("set server " + backend + "/" + server + " state ready"));
    out.forEach(server -> commands.add("set server " + backend + "/" + server + " state drain"));
    String answer = api().execute(String.join(";", commands));
    if (!answer.isBlank()) {
      throw new IllegalStateException("HAProxy refused the switch " + commands + ": " + answer);
    }
  }

  private RuntimeApi api() {
    Endpoint endpoint = runtimeApi.get();
    return new RuntimeApi(endpoint.host(), endpoint.port());
  }

  /**
   * Points a slot at its replica's name, and waits until HAProxy resolved it: until then the slot still points at
   * the lb itself, whose frontend would answer its health check and serve its requests through another replica.
   * Nothing to wait for when it names the replica already ("no need to change").
   */
  private void pointAt(RuntimeApi api, String server) {
    String placeholder = api.serverAddress(backend, server);
    if (api.setServerFqdn(backend, server, server)) {
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
}
