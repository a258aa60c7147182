package io.github.lbstack.assertions;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Served;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each assertion passes on a fitting distribution and fails, with table and sequence, on an unfitting one. */
class DistributionAssertTest {

  private final Distribution cycle = Distribution.of("web-1", "web-2", "web-3", "web-1", "web-2", "web-3");

  private static Distribution known(Set<String> replicas, String... servedBy) {
    return new Distribution(Distribution.of(servedBy).requests(), replicas);
  }

  @Test
  void isRoundRobin() {
    assertThat(cycle).isRoundRobin();

    assertThatThrownBy(() -> assertThat(Distribution.of("web-1", "web-2", "web-1", "web-1", "web-2", "web-1"))
        .isRoundRobin())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected round-robin over 2 replicas, but request 2 went to <web-2> and request 4 to "
            + "<web-1>.")
        .hasMessageContaining("replica        requests failures    p50 ms    max ms")
        .hasMessageContaining("web-1                 4        0")
        .hasMessageContaining("sequence: [web-1, web-2, web-1, web-1, web-2, web-1]");
    assertThatThrownBy(() -> assertThat(Distribution.of("web-1", "web-2", "web-3", "web-1")).isRoundRobin())
        .hasMessageContaining("at least twice, but 4 requests over 3 replicas do not");
  }

  @Test
  void isEvenWithin() {
    assertThat(Distribution.of("a", "b", "a", "b", "a", "b", "a")).isEvenWithin(15);

    assertThatThrownBy(() -> assertThat(known(new java.util.LinkedHashSet<>(List.of("a", "b", "c")), "a", "a", "b", "b")).isEvenWithin(20))
        .hasMessageContaining("Expected every replica within 20.0% of an even share (1.3 requests), but <a> served 2 "
            + "(50.0% off).");
  }

  @Test
  void coversAllReplicas() {
    assertThat(known(Set.of("web-1", "web-2"), "web-2", "web-1")).coversAllReplicas();

    assertThatThrownBy(() -> assertThat(known(Set.of("web-1", "web-2", "web-3"), "web-1", "web-2"))
        .coversAllReplicas())
        .hasMessageContaining("Expected every replica to serve, but <[web-3]> served nothing.")
        .hasMessageContaining("web-3                 0        0");
    assertThatThrownBy(() -> assertThat(cycle).coversAllReplicas())
        .hasMessageContaining("this distribution does not know them: build it with Traffic.through(stack)");
  }

  @Test
  void coversExactlyAndCoversReplicas() {
    assertThat(cycle).coversExactly("web-3", "web-1", "web-2").coversReplicas(3);

    assertThatThrownBy(() -> assertThat(cycle).coversExactly("web-1", "web-2"))
        .hasMessageContaining("Expected requests served by exactly <[web-1, web-2]>, but they were served by "
            + "<[web-1, web-2, web-3]>.");
    assertThatThrownBy(() -> assertThat(cycle).coversReplicas(5))
        .hasMessageContaining("Expected requests served by 5 replicas, but 3 served them.");
  }

  @Test
  void hasNoFailures() {
    assertThat(cycle).hasNoFailures();

    Distribution failing = new Distribution(List.of(Served.ok("web-1"),
        new Served(null, 0, "ConnectException: Connection refused", 1, 2_000_000),
        new Served("web-2", 503, "status 503", 2, 1_000_000)), Set.of());
    assertThatThrownBy(() -> assertThat(failing).hasNoFailures())
        .hasMessageContaining("Expected no failed requests, but 2 of 3 failed, first: "
            + "<ConnectException: Connection refused>.")
        .hasMessageContaining("(no replica)          0        1")
        .hasMessageContaining("sequence: [web-1, FAILED(ConnectException: Connection refused), FAILED(status 503)]");
  }

  @Test
  void isStickyToAndDoesNotReach() {
    assertThat(Distribution.of("web-2", "web-2")).isStickyTo("web-2").doesNotReach("web-1");

    assertThatThrownBy(() -> assertThat(Distribution.of("web-2", "web-1")).isStickyTo("web-2"))
        .hasMessageContaining("Expected every request to stick to <web-2>, but they were served by <[web-2, web-1]>.");
    assertThatThrownBy(() -> assertThat(cycle).doesNotReach("web-3"))
        .hasMessageContaining("Expected no request served by <web-3>, but it served 2.");
  }

  @Test
  void sentSinceKeepsOnlyLaterRequests() {
    Distribution timed = new Distribution(List.of(new Served("web-1", 200, null, 10, 1),
        new Served("web-2", 200, null, 20, 1), new Served("web-3", 200, null, 30, 1)), Set.of());

    assertThat(timed.sentSince(20)).coversExactly("web-2", "web-3");
  }
}
