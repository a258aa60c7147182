package io.github.lbstack.assertions;

import io.github.lbstack.traffic.Distribution;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/** Assertions on which replicas served a run of requests. Failure messages show the table and the sequence. */
public class DistributionAssert extends AbstractAssert<DistributionAssert, Distribution> {

  DistributionAssert(Distribution actual) {
    super(actual, DistributionAssert.class);
  }

  /**
   * Consecutive requests cycle over the replicas: with k distinct replicas, request i and request i + k were served
   * by the same replica, and each window of k requests holds k distinct replicas.
   */
  public DistributionAssert isRoundRobin() {
    isNotNull();
    List<String> sequence = actual.sequence();
    int replicas = new LinkedHashSet<>(sequence).size();
    if (sequence.size() < 2 * replicas) {
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

  private String describe() {
    return actual.table() + "sequence: " + actual.sequence();
  }
}
