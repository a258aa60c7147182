package io.github.lbstack.internal.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request runs (traffic and load) sent through each stack, kept as latency series for the run report until it
 * takes them. Runs reach it by the stack's id: they are made by user code, far from the extension's stores.
 */
public final class RequestRuns {

  /** More would make a page nobody scrolls through, and memory nobody asked for. */
  private static final int MAX_PER_STACK = 40;
  private static final int MAX_BUCKETS = 120;
  private static final Map<String, List<LatencySeries>> BY_STACK = new TreeMap<>();

  private RequestRuns() {}

  /** One request, as a run saw it. {@code replica} is {@code null} when it failed before one answered. */
  public record Sample(long startNanos, long latencyNanos, String replica, boolean failed) {}

  /**
   * Keeps a run that ended, bucketed over time: per replica and bucket, the slowest request, the count and the
   * failures.
   *
   * @param label what ran, such as {@code "Load, 40/s"}
   */
  public static void record(String stackId, String label, List<Sample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    long start = samples.stream().mapToLong(Sample::startNanos).min().orElseThrow();
    long end = samples.stream().mapToLong(sample -> sample.startNanos() + sample.latencyNanos()).max().orElseThrow();
    long spanMillis = Math.max(1, (end - start) / 1_000_000);
    long bucket = Math.max(100, (spanMillis + MAX_BUCKETS - 1) / MAX_BUCKETS);
    Map<String, TreeMap<Long, long[]>> buckets = new TreeMap<>();
    for (Sample sample : samples) {
      String replica = sample.replica() == null ? "no replica" : sample.replica();
      long at = (sample.startNanos() - start) / 1_000_000 / bucket * bucket;
      long[] point = buckets.computeIfAbsent(replica, key -> new TreeMap<>()).computeIfAbsent(at,
          key -> new long[3]);
      point[0] = Math.max(point[0], sample.latencyNanos() / 1_000_000);
      point[1]++;
      point[2] += sample.failed() ? 1 : 0;
    }
    List<LatencySeries.Point> points = new ArrayList<>();
    buckets.forEach((replica, series) -> series.forEach((at, point) -> points.add(
        new LatencySeries.Point(replica, at, point[0], (int) point[1], (int) point[2]))));
    LatencySeries run = new LatencySeries(label, start, end, bucket, points);
    synchronized (BY_STACK) {
      List<LatencySeries> runs = BY_STACK.computeIfAbsent(stackId, key -> new ArrayList<>());
      if (runs.size() < MAX_PER_STACK) {
        runs.add(run);
      }
    }
  }

  /** Takes (and forgets) the runs of a stack that began within a window, on {@link System#nanoTime()}'s clock. */
  public static List<LatencySeries> take(String stackId, long fromNanos, long toNanos) {
    List<LatencySeries> taken = new ArrayList<>();
    synchronized (BY_STACK) {
      List<LatencySeries> runs = BY_STACK.getOrDefault(stackId, List.of());
      for (Iterator<LatencySeries> it = runs.iterator(); it.hasNext(); ) {
        LatencySeries run = it.next();
        if (run.startNanos() >= fromNanos && run.startNanos() <= toNanos) {
          taken.add(run);
          it.remove();
        }
      }
    }
    return taken;
  }

  /** Forgets a stack's runs, once it is closed and reported. */
  public static void forget(String stackId) {
    synchronized (BY_STACK) {
      BY_STACK.remove(stackId);
    }
  }
}
