package io.github.lbstack.internal.report;

import java.util.List;

/**
 * One request run's latency over time, bucketed: what the report draws per replica.
 *
 * @param label what ran, such as {@code "Load, 40/s"}
 * @param startNanos when its first request was sent, on {@link System#nanoTime()}'s clock
 * @param endNanos when its last request ended
 * @param bucketMillis how long each bucket is
 * @param points per replica and bucket, in order
 */
public record LatencySeries(String label, long startNanos, long endNanos, long bucketMillis, List<Point> points) {

  /**
   * @param replica the replica, or {@code "no replica"} for requests that failed before one answered
   * @param atMillis the bucket's start, from the run's start
   * @param maxMillis the slowest request of the bucket
   */
  public record Point(String replica, long atMillis, long maxMillis, int count, int failures) {}

  public LatencySeries {
    points = List.copyOf(points);
  }

  public long requests() {
    return points.stream().mapToLong(Point::count).sum();
  }

  public long failures() {
    return points.stream().mapToLong(Point::failures).sum();
  }
}
