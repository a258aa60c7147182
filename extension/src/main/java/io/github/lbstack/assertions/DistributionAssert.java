package io.github.lbstack.assertions;

import io.github.lbstack.Replica;
import io.github.lbstack.traffic.Distribution;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/** Assertions on which replicas served a run of requests. Failure messages show the table and the sequence. */
public class DistributionAssert extends AbstractAssert<DistributionAssert, Distribution> {

  DistributionAssert(Distribution actual) {
    super(actual, DistributionAssert.class);
  }

  /**
   * Consecutive successful requests cycle over the replicas: with k distinct replicas, request i and request i + k
   * were served by the same replica. The run must show the cycle at least twice.
   */
  public DistributionAssert isRoundRobin() {
    isNotNull();
    List<String> sequence = actual.sequence();
    int replicas = new LinkedHashSet<>(sequence).size();
    if (sequence.size() < 2 * replicas || replicas == 0) {
      failWithMessage("Expected a round-robin run to repeat its cycle at least twice, but %d requests over %d replicas "
          + "do not.%n%s", sequence.size(), replicas, describe());
    }
    for (int i = 0; i + replicas < sequence.size(); i++) {
      if (!sequence.get(i).equals(sequence.get(i + replicas))) {
        failWithMessage("Expected round-robin over %d replicas, but request %d went to <%s> and request %d to <%s>.%n%s",
            replicas, i + 1, sequence.get(i), i + 1 + replicas, sequence.get(i + replicas), describe());
      }
    }
    return this;
  }

  /** Every replica's share of successful requests is within {@code percent} % of an even share. */
  public DistributionAssert isEvenWithin(double percent) {
    isNotNull();
    Map<String, Long> counts = actual.counts();
    Set<String> replicas = new LinkedHashSet<>(actual.replicas());
    replicas.addAll(counts.keySet());
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (replicas.isEmpty() || total == 0) {
      failWithMessage("Expected an even spread, but no request succeeded.%n%s", describe());
    }
    double even = (double) total / replicas.size();
    for (String replica : replicas) {
      long count = counts.getOrDefault(replica, 0L);
      double deviation = Math.abs(count - even) / even * 100;
      if (deviation > percent) {
        failWithMessage("Expected every replica within %.1f%% of an even share (%.1f requests), but <%s> served %d "
            + "(%.1f%% off).%n%s", percent, even, replica, count, deviation, describe());
      }
    }
    return this;
  }

  /** Every replica of the stack served at least one request (needs {@code Traffic.through(stack)}). */
  public DistributionAssert coversAllReplicas() {
    isNotNull();
    if (actual.replicas().isEmpty()) {
      failWithMessage("Expected to cover all replicas, but this distribution does not know them: build it with "
          + "Traffic.through(stack), or use coversExactly(...).");
    }
    Set<String> missing = new LinkedHashSet<>(actual.replicas());
    missing.removeAll(actual.counts().keySet());
    if (!missing.isEmpty()) {
      failWithMessage("Expected every replica to serve, but <%s> served nothing.%n%s", missing, describe());
    }
    return this;
  }

  /** Every one of these replicas served at least one request, and no other replica did. */
  public DistributionAssert coversExactly(String... replicas) {
    isNotNull();
    Set<String> expected = new LinkedHashSet<>(Arrays.asList(replicas));
    Set<String> seen = actual.counts().keySet();
    if (!seen.equals(expected)) {
      failWithMessage("Expected requests served by exactly <%s>, but they were served by <%s>.%n%s", expected, seen,
          describe());
    }
    return this;
  }

  /** Exactly {@code count} distinct replicas served requests. */
  public DistributionAssert coversReplicas(int count) {
    isNotNull();
    if (actual.counts().size() != count) {
      failWithMessage("Expected requests served by %d replicas, but %d served them.%n%s", count,
          actual.counts().size(), describe());
    }
    return this;
  }

  /** No request failed: every one got a 2xx or 3xx response naming its replica. */
  public DistributionAssert hasNoFailures() {
    isNotNull();
    if (!actual.failures().isEmpty()) {
      failWithMessage("Expected no failed requests, but %d of %d failed, first: <%s>.%n%s", actual.failures().size(),
          actual.requests().size(), actual.failures().get(0).error(), describe());
    }
    return this;
  }

  /** Every successful request was served by this one replica. */
  public DistributionAssert isStickyTo(String replica) {
    isNotNull();
    Set<String> seen = actual.counts().keySet();
    if (seen.isEmpty() || !seen.equals(Set.of(replica))) {
      failWithMessage("Expected every request to stick to <%s>, but they were served by <%s>.%n%s", replica, seen,
          describe());
    }
    return this;
  }

  public DistributionAssert isStickyTo(Replica replica) {
    return isStickyTo(replica.hostname());
  }

  /** This replica served no request. */
  public DistributionAssert doesNotReach(String replica) {
    isNotNull();
    if (actual.counts().containsKey(replica)) {
      failWithMessage("Expected no request served by <%s>, but it served %d.%n%s", replica,
          actual.counts().get(replica), describe());
    }
    return this;
  }

  private String describe() {
    return actual.table() + "sequence: " + actual.describeSequence();
  }
}
