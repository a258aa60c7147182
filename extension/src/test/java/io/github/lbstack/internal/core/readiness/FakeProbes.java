package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.FakeBackend;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probes for {@link FakeBackend}: services are ready once their fake container runs, and the lb is a model of
 * HAProxy's server states, read from the config the engine generated.
 */
public final class FakeProbes implements Probes {

  private static final Pattern SERVER = Pattern.compile("^\\s*server (\\S+) .*$", Pattern.MULTILINE);

  private final FakeBackend backend;
  public final Map<String, Long> served = new ConcurrentHashMap<>();
  final Map<String, String> states = new ConcurrentHashMap<>();

  /** How many more times the lb answers for its statuses; after that it times out, as a busy one can. */
  public final java.util.concurrent.atomic.AtomicInteger lbAnswers =
      new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);

  public FakeProbes(FakeBackend backend) {
    this.backend = backend;
  }

  /** While false, the database is not ready: lets a test see what starts before it. */
  public volatile boolean databaseReady = true;

  /** How often the database was found not ready: a test sees that the readiness loop is waiting on it. */
  public final java.util.concurrent.atomic.AtomicInteger databaseHeld = new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public ReadinessCheck database(io.github.lbstack.internal.spec.DatabaseKind kind, Container database,
      WebEnvironment.Secrets secrets) {
    return () -> {
      if (!databaseReady) {
        databaseHeld.incrementAndGet();
        throw new NotReadyException("held by the test");
      }
      backend.events.add("ready " + database.name());
    };
  }

  @Override
  public ReadinessCheck redis(Container redis) {
    return ReadinessCheck.NONE;
  }

  @Override
  public ReadinessCheck port(Container container, int port) {
    return ReadinessCheck.NONE;
  }

  /** Replicas whose health check fails that many times before it passes. */
  public final Map<String, Integer> unhealthyFor = new ConcurrentHashMap<>();
  /**
   * Replicas whose app crashes at a health check of theirs, as one can during its start: when the predicate holds
   * for the check's number (the first is 1).
   */
  public final Map<String, java.util.function.IntPredicate> crashAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> checks = new ConcurrentHashMap<>();

  /** {@return how many health checks a replica had so far} */
  public int checks(String replica) {
    return checks.getOrDefault(replica, 0);
  }

  @Override
  public ReadinessCheck http(Container web, int port, String path) {
    if (!(web instanceof FakeBackend.FakeContainer replica)) {
      return ReadinessCheck.NONE;
    }
    String alias = replica.spec.alias();
    return () -> {
      int check = checks.merge(alias, 1, Integer::sum);
      if (crashAt.getOrDefault(alias, number -> false).test(check)) {
        replica.crash();
        throw new NotReadyException(alias + " crashed at health check " + check);
      }
      if (check <= unhealthyFor.getOrDefault(alias, 0)) {
        throw new NotReadyException(alias + " not healthy yet at health check " + check);
      }
    };
  }

  @Override
  public Reach awaitReachable(io.github.lbstack.internal.backend.Endpoint endpoint) {
    // Fake containers publish nothing; reachability is the ITs' business.
    return Reach.LISTENING;
  }

  @Override
  public LbControl lb(Container lb, io.github.lbstack.internal.lb.LbConfig config) {
    Matcher servers = SERVER.matcher(config.text());
    while (servers.find()) {
      states.put(servers.group(1), servers.group(0).endsWith(" disabled") ? "maint" : "ready");
    }
    return new LbControl() {
      @Override
      public Map<String, String> statuses() {
        if (lbAnswers.getAndDecrement() <= 0) {
          throw new java.io.UncheckedIOException("lb stats page did not answer: request timed out",
              new java.io.IOException("request timed out"));
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (int i = 1; i <= 16; i++) {
          String server = "web-" + i;
          String state = states.get(server);
          FakeBackend.FakeContainer container = backend.byAlias.get(server);
          statuses.put(server, switch (state) {
            case "maint" -> "MAINT";
            case "drain" -> "DRAIN";
            default -> container != null && container.serving() ? "UP" : "DOWN";
          });
        }
        return statuses;
      }

      @Override
      public Map<String, String> explainedStatuses() {
        return statuses();
      }

      @Override
      public Map<String, Long> requestsServed() {
        Map<String, Long> counts = new LinkedHashMap<>();
        statuses().keySet().forEach(server -> counts.put(server, served.getOrDefault(server, 0L)));
        return counts;
      }

      @Override
      public Map<String, Long> failedResponses() {
        return Map.of();
      }

      @Override
      public Map<String, Long> openSessions() {
        return Map.of();
      }

      @Override
      public void stage(String server) {
        states.put(server, "drain");
      }

      @Override
      public boolean areStaged(java.util.Collection<String> servers) {
        return servers.stream().map(backend.byAlias::get)
            .allMatch(container -> container != null && container.serving());
      }

      @Override
      public void switchOver(java.util.Collection<String> in, java.util.Collection<String> out) {
        in.forEach(server -> states.put(server, "ready"));
        out.forEach(server -> states.put(server, "drain"));
      }

      @Override
      public Map<String, Long> backendRequests() {
        return Map.of();
      }

      @Override
      public long responsesSent() {
        return 0;
      }

      @Override
      public long requestsUnderWay() {
        return 0;
      }

      @Override
      public void setState(String server, String state) {
        backend.events.add("lb " + server + " " + state);
        states.put(server, state);
      }
    };
  }
}
