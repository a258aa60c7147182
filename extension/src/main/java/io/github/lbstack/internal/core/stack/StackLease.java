package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.scaling.Topology;
import io.github.lbstack.internal.lb.LbControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * One user's time on a stack (a test class, usually). The lb's counters run for the stack's whole life, so the
 * lease remembers them at its start and reports only the difference.
 */
public final class StackLease implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;

  private final CoreStack stack;
  private final String user;
  private final boolean restoreAfter;
  private final LbControl lb;
  private final Topology topology;
  private final Map<String, Long> servedBefore;
  private final Map<String, Long> failedBefore;

  StackLease(CoreStack stack, String user, boolean restoreAfter, LbControl lb, Topology topology) {
    this.stack = stack;
    this.user = user;
    this.restoreAfter = restoreAfter;
    this.lb = lb;
    this.topology = topology;
    this.servedBefore = safe(lb::requestsServed);
    this.failedBefore = safe(lb::failedResponses);
  }

  public CoreStack stack() {
    return stack;
  }

  /** Requests the lb sent each replica during this lease; slots never used are left out. */
  public Map<String, Long> served() {
    return since(lb.requestsServed(), servedBefore);
  }

  /** Of those, the ones that failed: 5xx answers, connection or response errors. */
  public Map<String, Long> failedResponses() {
    return since(lb.failedResponses(), failedBefore);
  }

  private Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> counts = new LinkedHashMap<>();
    now.forEach((server, count) -> {
      long during = count - before.getOrDefault(server, 0L);
      if (topology.worthShowing(server, during)) {
        counts.put(server, during);
      }
    });
    return counts;
  }

  @Override
  public void close() {
    logServed(stack.id(), user, this::served);
    if (restoreAfter) {
      long start = System.nanoTime();
      // The extension reverts a test's faults after it; this catches those applied outside a test (@AfterAll).
      List<String> changes = new java.util.ArrayList<>(stack.revertFaults());
      changes.addAll(topology.restore());
      if (!changes.isEmpty()) {
        LOG.info("lbstack {}: topology restored after {} in {} ms: {}", stack.id(), user,
            (System.nanoTime() - start) / 1_000_000, String.join(", ", changes));
      }
    }
  }

  /** The summary users asked for: how the lb spread this user's requests. */
  static void logServed(String stackId, String user, java.util.function.Supplier<Map<String, Long>> served) {
    try {
      StringBuilder table = new StringBuilder(String.format("lbstack %s: requests served through the lb during %s%n",
          stackId, user));
      table.append(String.format("  %-12s %8s%n", "replica", "requests"));
      served.get().forEach((replica, count) -> table.append(String.format("  %-12s %8d%n", replica, count)));
      LOG.info(table.toString().stripTrailing());
    } catch (RuntimeException e) {
      LOG.debug("lbstack {}: no request summary: {}", stackId, e.toString());
    }
  }

  private static Map<String, Long> safe(java.util.function.Supplier<Map<String, Long>> counters) {
    try {
      return counters.get();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
