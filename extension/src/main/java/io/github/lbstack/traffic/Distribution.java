package io.github.lbstack.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which replica served each request, in order. Build one with {@link Traffic}, or from a list of replica names, and
 * check it with {@code LbAssertions.assertThat(distribution)}.
 */
public record Distribution(List<String> sequence) {

  public Distribution {
    sequence = List.copyOf(sequence);
  }

  public static Distribution of(String... servedBy) {
    return new Distribution(List.of(servedBy));
  }

  /** Requests per replica, in order of first appearance. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    sequence.forEach(replica -> counts.merge(replica, 1L, Long::sum));
    return counts;
  }

  /** A small table, replica against requests served, for logs and failure messages. */
  public String table() {
    StringBuilder table = new StringBuilder(String.format("%-20s %8s%n", "replica", "requests"));
    counts().forEach((replica, count) -> table.append(String.format("%-20s %8d%n", replica, count)));
    return table.toString();
  }

  @Override
  public String toString() {
    return sequence.size() + " requests: " + counts() + ", in order " + sequence;
  }
}
