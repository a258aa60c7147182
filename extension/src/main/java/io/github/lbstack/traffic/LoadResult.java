package io.github.lbstack.traffic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a {@link LoadRun} saw: every request with its latency from when it was due, per replica and overall, and the
 * errors. Check it with {@code LbAssertions.assertThat(result)}.
 */
public final class LoadResult {

  /**
   * One request of a load.
   *
   * @param dueNanos when it was due to start, on {@link System#nanoTime()}'s clock
   * @param latencyNanos from when it was due until it answered or failed
   * @param replica the replica that served it, or {@code null}
   * @param version the version that replica ran, or {@code null}
   * @param status the HTTP status, or 0 when none came
   * @param error why it failed, or {@code null} for a success
   */
  public record Sample(long dueNanos, long latencyNanos, String replica, String version, int status, String error) {

    /** {@return whether it failed: a status outside 2xx/3xx, an exception or timeout, or no replica named} */
    public boolean failed() {
      return error != null;
    }
  }

  private final List<Sample> samples;
  private final Set<String> replicas;
  private final int rate;
  private final long startedNanos;
  private final long endedNanos;
  private final Histogram sendLag;

  LoadResult(List<Sample> samples, Set<String> replicas, int rate, long startedNanos, long endedNanos,
      Histogram sendLag) {
    this.samples = List.copyOf(samples);
    this.replicas = Set.copyOf(replicas);
    this.rate = rate;
    this.startedNanos = startedNanos;
    this.endedNanos = endedNanos;
    this.sendLag = sendLag;
  }

  /** {@return every request, in the order they were due} */
  public List<Sample> samples() {
    return samples;
  }

  /** {@return the rate asked for, in requests per second} */
  public int rate() {
    return rate;
  }

  /** {@return the rate the generator kept: requests started per second over the run} */
  public double achievedRate() {
    double seconds = (endedNanos - startedNanos) / 1e9;
    return seconds <= 0 ? 0 : samples.size() / seconds;
  }

  /**
   * {@return how late the generator started requests, as a histogram in ns} A p99 far below the latencies measured
   * means the generator kept its schedule; the benchmark prints it.
   */
  public Histogram sendLag() {
    return sendLag.copy();
  }

  /** {@return how many requests failed} */
  public long errors() {
    return samples.stream().filter(Sample::failed).count();
  }

  /** {@return the share of requests that failed, from 0 to 1; 0 for an empty run} */
  public double errorRate() {
    return samples.isEmpty() ? 0 : (double) errors() / samples.size();
  }

  /** {@return the latencies of the requests that succeeded, in ns, in HdrHistogram} */
  public Histogram latencies() {
    return histogram(samples);
  }

  /** {@return each replica's latencies of the requests it served, in ns} */
  public Map<String, Histogram> latenciesByReplica() {
    Map<String, List<Sample>> byReplica = new TreeMap<>();
    samples.stream().filter(sample -> !sample.failed())
        .forEach(sample -> byReplica.computeIfAbsent(sample.replica(), key -> new java.util.ArrayList<>()).add(sample));
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    byReplica.forEach((replica, served) -> histograms.put(replica, histogram(served)));
    return histograms;
  }

  /**
   * The latency at a percentile of the requests that succeeded.
   *
   * @param percentile from 0 to 100, such as 99
   * @return the latency, or zero when no request succeeded
   */
  public Duration percentile(double percentile) {
    Histogram latencies = latencies();
    return Duration.ofNanos(latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile));
  }

  /** {@return errors per second of the run, by second from its start; seconds without an error are left out} */
  public Map<Long, Long> errorsPerSecond() {
    Map<Long, Long> perSecond = new TreeMap<>();
    samples.stream().filter(Sample::failed)
        .forEach(sample -> perSecond.merge((sample.dueNanos() - startedNanos) / 1_000_000_000L, 1L, Long::sum));
    return perSecond;
  }

  /**
   * Only the requests due at or after {@code nanoTime}: the load from a step of the test on.
   *
   * @param nanoTime a time on {@link System#nanoTime()}'s clock
   * @return the requests due from then on
   */
  public LoadResult dueSince(long nanoTime) {
    return dueBetween(nanoTime, Long.MAX_VALUE);
  }

  /**
   * Only the requests due in {@code [from, to)}, such as "during the fault".
   *
   * @param from the window's start, on {@link System#nanoTime()}'s clock
   * @param to the window's end, excluded
   * @return the requests due in the window
   */
  public LoadResult dueBetween(long from, long to) {
    List<Sample> window = samples.stream().filter(sample -> sample.dueNanos() >= from && sample.dueNanos() < to)
        .toList();
    return new LoadResult(window, replicas, rate, Math.max(from, startedNanos), Math.min(to, endedNanos), sendLag);
  }

  /** {@return a table of replica against requests, errors and latency percentiles, for logs and messages} */
  public String table() {
    StringBuilder table = new StringBuilder(String.format("%-14s %8s %7s %9s %9s %9s %9s%n", "replica", "requests",
        "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"));
    Map<String, Histogram> byReplica = latenciesByReplica();
    replicas.stream().sorted().forEach(replica -> byReplica.putIfAbsent(replica, new Histogram(3)));
    byReplica.forEach((replica, histogram) -> row(table, replica, histogram, 0));
    row(table, "all", latencies(), errors());
    table.append(String.format("rate: %d/s asked, %.1f/s started; generator lag p99 %.1f ms%n", rate, achievedRate(),
        sendLag.getValueAtPercentile(99) / 1e6));
    return table.toString();
  }

  private static void row(StringBuilder table, String name, Histogram histogram, long errors) {
    table.append(String.format("%-14s %8d %7d %9.1f %9.1f %9.1f %9.1f%n", name, histogram.getTotalCount(), errors,
        histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(95) / 1e6,
        histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6));
  }

  private static Histogram histogram(List<Sample> samples) {
    Histogram histogram = new Histogram(3);
    samples.stream().filter(sample -> !sample.failed())
        .forEach(sample -> histogram.recordValue(Math.max(0, sample.latencyNanos())));
    return histogram;
  }

  @Override
  public String toString() {
    return samples.size() + " requests, " + errors() + " failed, p99 " + percentile(99).toMillis() + " ms";
  }
}
