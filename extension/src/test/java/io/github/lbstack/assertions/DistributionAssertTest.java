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

  private static final Set<String> THREE = new java.util.LinkedHashSet<>(List.of("web-1", "web-2", "web-3"));
  private final Distribution cycle = Distribution.of(THREE, "web-1", "web-2", "web-3", "web-1", "web-2", "web-3");

  private static Distribution known(Set<String> replicas, String... servedBy) {
    return new Distribution(Distribution.of(servedBy).requests(), replicas);
  }

  @Test
  void isRoundRobin() {
    assertThat(cycle).isRoundRobin();

    assertThatThrownBy(() -> assertThat(Distribution.of(Set.of("web-1", "web-2"), "web-1", "web-2", "web-1", "web-1",
        "web-2", "web-1")).isRoundRobin())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected round-robin over 2 replicas, but request 2 went to <web-2> and request 4 to "
            + "<web-1>.")
        .hasMessageContaining("replica        requests failures    p50 ms    max ms")
        .hasMessageContaining("web-1                 4        0")
        .hasMessageContaining("sequence: [web-1, web-2, web-1, web-1, web-2, web-1]");
    assertThatThrownBy(() -> assertThat(Distribution.of(THREE, "web-1", "web-2", "web-3", "web-1")).isRoundRobin())
        .hasMessageContaining("at least twice, but 4 successful requests over 3 replicas do not");
  }

  @Test
  void isRoundRobinFailsWhenOneReplicaServesEverything() {
    assertThatThrownBy(() -> assertThat(Distribution.of(THREE, "web-1", "web-1", "web-1", "web-1", "web-1", "web-1"))
        .isRoundRobin())
        .hasMessageContaining("Expected round-robin over the 3 replicas in rotation [web-1, web-2, web-3], but these "
            + "served nothing: [web-2, web-3].");
  }

  @Test
  void isRoundRobinFailsWhenTwoOfThreeReplicasAlternate() {
    assertThatThrownBy(() -> assertThat(Distribution.of(THREE, "web-1", "web-2", "web-1", "web-2", "web-1", "web-2"))
        .isRoundRobin())
        .hasMessageContaining("but these served nothing: [web-3].");
  }

  @Test
  void isRoundRobinFailsOnAnEmptyRunAndWhenEveryRequestFailed() {
    assertThatThrownBy(() -> assertThat(Distribution.of(THREE)).isRoundRobin())
        .hasMessageContaining("these served nothing: [web-1, web-2, web-3]");
    Distribution allFailed = new Distribution(List.of(new Served(null, 503, "status 503", 0, 0),
        new Served(null, 503, "status 503", 1, 0)), THREE);
    assertThatThrownBy(() -> assertThat(allFailed).isRoundRobin())
        .hasMessageContaining("these served nothing: [web-1, web-2, web-3]");
  }

  @Test
  void isRoundRobinFailsWhenItDoesNotKnowTheReplicasSayingHowToGiveThem() {
    assertThatThrownBy(() -> assertThat(Distribution.of("web-1", "web-1", "web-1", "web-1")).isRoundRobin())
        .hasMessageContaining("isRoundRobin() needs to know which replicas are in rotation, and this distribution does "
            + "not: build it with Traffic.through(stack) or Traffic.through(lb) with the injected lb spec, or name "
            + "them with coversExactly(...).");
  }

  @Test
  void assertionsOnEmptyRunsFail() {
    Distribution empty = Distribution.of(THREE);
    assertThatThrownBy(() -> assertThat(empty).hasNoFailures())
        .hasMessage("Expected hasNoFailures() on a run of requests, but the run is empty: no request was sent.");
    assertThatThrownBy(() -> assertThat(empty).doesNotReach("web-2"))
        .hasMessageContaining("Expected requests served by replicas other than <web-2>, but no request succeeded");
    assertThatThrownBy(() -> assertThat(empty).isEvenWithin(10)).hasMessageContaining("no request succeeded");
    assertThatThrownBy(() -> assertThat(empty).isStickyTo("web-1")).hasMessageContaining("served by <[]>");
    assertThatThrownBy(() -> assertThat(empty).coversExactly())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an empty run would pass it");
    assertThatThrownBy(() -> assertThat(empty).coversReplicas(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an empty run would pass it");
  }

  @Test
  void assertionsOnRunsWhereEveryRequestFailedFail() {
    Distribution allFailed = new Distribution(List.of(new Served(null, 0, "ConnectException: refused", 0, 0)), THREE);
    assertThatThrownBy(() -> assertThat(allFailed).hasNoFailures())
        .hasMessageContaining("Expected no failed requests, but 1 of 1 failed");
    assertThatThrownBy(() -> assertThat(allFailed).coversAllReplicas()).hasMessageContaining("served nothing");
    assertThatThrownBy(() -> assertThat(allFailed).doesNotReach("web-1")).hasMessageContaining("no request succeeded");
    assertThatThrownBy(() -> assertThat(allFailed).coversReplicas(1)).hasMessageContaining("but 0 served them");
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
    assertThatThrownBy(() -> assertThat(Distribution.of("web-1")).coversAllReplicas())
        .hasMessageContaining("coversAllReplicas() needs to know which replicas are in rotation");
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
