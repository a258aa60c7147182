package io.github.lbstack.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a traffic run saw, request by request, in the order the requests were sent. Build one with {@link Traffic},
 * and check it with {@code LbAssertions.assertThat(distribution)}.
 *
 * @param requests every request, in send order
 * @param replicas the replicas that were meant to serve (empty when unknown), for {@code coversAllReplicas()}
 */
public record Distribution(List<Served> requests, Set<String> replicas) {

  /**
   * Copies both, so a distribution never changes.
   *
   * @param replicas how many replicas, from 1 to {@link io.github.lbstack.LoadBalancedStack#MAX_REPLICAS}
   * @param requests the requests
   */
  public Distribution {
    requests = List.copyOf(requests);
    replicas = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(replicas));
  }

  /**
   * A distribution of successful requests served by these replicas, in this order, of no known replica set.
   *
   * @param servedBy the replica that served each request, in order
   * @return a distribution of successful requests served by these replicas, in this order, of no known replica set
   */
  public static Distribution of(String... servedBy) {
    return new Distribution(Arrays.stream(servedBy).map(Served::ok).toList(), Set.of());
  }

  /**
   * The same, with the replicas that were in rotation (in tests of assertions, for example).
   *
   * @param inRotation the replicas that were in rotation
   * @param servedBy the replica that served each request, in order
   * @return the same, with the replicas that were in rotation (in tests of assertions, for example)
   */
  public static Distribution of(Set<String> inRotation, String... servedBy) {
    return new Distribution(Arrays.stream(servedBy).map(Served::ok).toList(), inRotation);
  }

  /** {@return which replica served each successful request, in order} */
  public List<String> sequence() {
    return requests.stream().filter(request -> !request.failed()).map(Served::replica).toList();
  }

  /** {@return the requests that failed, in send order} */
  public List<Served> failures() {
    return requests.stream().filter(Served::failed).toList();
  }

  /** {@return successful requests per replica, in order of first appearance} */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    sequence().forEach(replica -> counts.merge(replica, 1L, Long::sum));
    return counts;
  }

  /**
   * {@return successful requests per version of the replica that served them, in order of first appearance} Requests
   * of no known version (traffic not through a stack) are left out.
   */
  public Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    requests.stream().filter(request -> !request.failed() && request.version() != null)
        .forEach(request -> versions.merge(request.version(), 1L, Long::sum));
    return versions;
  }

  /**
   * Only the requests sent at or after {@code nanoTime} (on {@link System#nanoTime()}'s clock).
   *
   * @param nanoTime a time on {@link System#nanoTime()}'s clock
   * @return only the requests sent at or after {@code nanoTime} (on {@link System#nanoTime()}'s clock)
   */
  public Distribution sentSince(long nanoTime) {
    return new Distribution(requests.stream().filter(request -> request.startNanos() >= nanoTime).toList(), replicas);
  }

  /**
   * Only the requests sent in {@code [from, to)} (on {@link System#nanoTime()}'s clock).
   *
   * @param from the window's start, on {@link System#nanoTime()}'s clock
   * @param to the window's end (excluded), on {@link System#nanoTime()}'s clock
   * @return only the requests sent in {@code [from, to)} (on {@link System#nanoTime()}'s clock)
   */
  public Distribution sentBetween(long from, long to) {
    return new Distribution(requests.stream()
        .filter(request -> request.startNanos() >= from && request.startNanos() < to).toList(), replicas);
  }

  /** {@return a table of replica against requests, failures and latency, for logs and failure messages} */
  public String table() {
    Map<String, List<Served>> byReplica = new LinkedHashMap<>();
    requests.forEach(request -> byReplica.computeIfAbsent(
        request.replica() == null ? "(no replica)" : request.replica(), key -> new ArrayList<>()).add(request));
    replicas.stream().sorted().forEach(replica -> byReplica.putIfAbsent(replica, List.of()));
    StringBuilder table = new StringBuilder(String.format("%-14s %8s %8s %9s %9s%n", "replica", "requests",
        "failures", "p50 ms", "max ms"));
    byReplica.forEach((replica, served) -> {
      long[] latencies = served.stream().mapToLong(Served::latencyNanos).sorted().toArray();
      table.append(String.format("%-14s %8d %8d %9.1f %9.1f%n", replica,
          served.stream().filter(request -> !request.failed()).count(),
          served.stream().filter(Served::failed).count(),
          latencies.length == 0 ? 0.0 : latencies[latencies.length / 2] / 1e6,
          latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1e6));
    });
    return table.toString();
  }

  /** {@return the request sequence, abbreviated after 60 requests} */
  public String describeSequence() {
    List<String> shown = requests.stream().limit(60)
        .map(request -> request.failed() ? "FAILED(" + request.error() + ")" : request.replica()).toList();
    return "[" + String.join(", ", shown) + (requests.size() > 60 ? ", ... " + (requests.size() - 60) + " more" : "")
        + "]";
  }

  @Override
  public String toString() {
    return requests.size() + " requests: " + counts() + (failures().isEmpty() ? ""
        : ", " + failures().size() + " failed: " + failures().stream().map(Served::error).distinct()
            .collect(Collectors.joining("; ")));
  }
}
