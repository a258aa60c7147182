package io.github.lbstack.assertions;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.traffic.Distribution;
import org.junit.jupiter.api.Test;

class DistributionAssertTest {

  private final Distribution cycle = Distribution.of("web-1", "web-2", "web-3", "web-1", "web-2", "web-3");

  @Test
  void acceptsARepeatingCycle() {
    assertThat(cycle).isRoundRobin().coversExactly("web-3", "web-1", "web-2").coversReplicas(3);
  }

  @Test
  void rejectsABrokenCycleShowingTableAndSequence() {
    Distribution broken = Distribution.of("web-1", "web-2", "web-1", "web-1", "web-2", "web-1");

    assertThatThrownBy(() -> assertThat(broken).isRoundRobin())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected round-robin over 2 replicas, but request 2 went to <web-2> and request 4 to "
            + "<web-1>.")
        .hasMessageContaining("web-1                       4")
        .hasMessageContaining("sequence: [web-1, web-2, web-1, web-1, web-2, web-1]");
  }

  @Test
  void rejectsARunTooShortToShowACycle() {
    assertThatThrownBy(() -> assertThat(Distribution.of("web-1", "web-2", "web-3", "web-1")).isRoundRobin())
        .hasMessageContaining("at least twice, but 4 requests over 3 replicas do not");
  }

  @Test
  void rejectsMissingOrUnexpectedReplicas() {
    assertThatThrownBy(() -> assertThat(cycle).coversExactly("web-1", "web-2"))
        .hasMessageContaining("Expected requests served by exactly <[web-1, web-2]>, but they were served by "
            + "<[web-1, web-2, web-3]>.");
    assertThatThrownBy(() -> assertThat(cycle).coversReplicas(5))
        .hasMessageContaining("Expected requests served by 5 replicas, but 3 served them.");
  }
}
