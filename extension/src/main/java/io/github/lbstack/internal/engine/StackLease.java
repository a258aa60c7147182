package io.github.lbstack.internal.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's time on a stack (a test class, usually). The lb's counters run for the stack's whole life, so the
 * lease remembers them at its start and reports only the difference.
 */
public final class StackLease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");

  private final LiveStack stack;
  private final String user;
  private final boolean restoreAfter;
  private final LbControl lb;
  private final Topology topology;
  private final Map<String, Long> servedBefore;

  StackLease(LiveStack stack, String user, boolean restoreAfter, LbControl lb, Topology topology) {
    this.stack = stack;
    this.user = user;
    this.restoreAfter = restoreAfter;
    this.lb = lb;
    this.topology = topology;
    this.servedBefore = safeServed(lb);
  }

  public LiveStack stack() {
    return stack;
  }

  /** Requests the lb sent each replica during this lease. */
  public Map<String, Long> served() {
    Map<String, Long> served = new LinkedHashMap<>();
    lb.requestsServed().forEach((server, count) -> served.put(server, count - servedBefore.getOrDefault(server, 0L)));
    return served;
  }

  @Override
  public void close() {
    logServed(stack.id(), user, lb, servedBefore, topology.hostnames());
    if (restoreAfter) {
      long start = System.nanoTime();
      List<String> changes = topology.restore();
      if (!changes.isEmpty()) {
        LOG.info("lbstack {}: topology restored after {} in {} ms: {}", stack.id(), user,
            (System.nanoTime() - start) / 1_000_000, String.join(", ", changes));
      }
    }
  }

  /** The summary users asked for: how the lb spread this user's requests. */
  static void logServed(String stackId, String user, LbControl lb, Map<String, Long> before, List<String> live) {
    try {
      StringBuilder table = new StringBuilder(String.format("lbstack %s: requests served through the lb during %s%n",
          stackId, user));
      table.append(String.format("  %-12s %8s%n", "replica", "requests"));
      lb.requestsServed().forEach((replica, total) -> {
        long count = total - before.getOrDefault(replica, 0L);
        // Slots never used would only be noise.
        if (count > 0 || live.contains(replica)) {
          table.append(String.format("  %-12s %8d%n", replica, count));
        }
      });
      LOG.info(table.toString().stripTrailing());
    } catch (RuntimeException e) {
      LOG.debug("lbstack {}: no request summary: {}", stackId, e.toString());
    }
  }

  private static Map<String, Long> safeServed(LbControl lb) {
    try {
      return lb.requestsServed();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
