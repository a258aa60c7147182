package io.github.lbstack.internal.lb;

import io.github.lbstack.internal.backend.Endpoint;
import java.util.Map;
import java.util.function.Supplier;

/** The lb's stats page for reading and its Runtime API for changes, at the addresses the backend published. */
public final class HaproxyControl implements LbControl {

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
    new RuntimeApi(endpoint.host(), endpoint.port()).setServerState(backend, server, state);
  }
}
