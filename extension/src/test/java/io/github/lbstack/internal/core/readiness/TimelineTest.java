package io.github.lbstack.internal.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void rendersTheEventsOfOneKindInOrderWithTheirWallClockTime() {
    Instant before = Instant.now();
    Timeline timeline = new Timeline();
    timeline.event("fault", "applied partition on all its traffic on web-1");
    timeline.event("drill", "kill web-2");
    timeline.event("fault", "reverted partition on all its traffic on web-1");
    Instant after = Instant.now();

    String[] lines = timeline.renderEvents("fault").split("\n");

    assertThat(lines).hasSize(2);
    assertThat(lines[0]).endsWith(" applied partition on all its traffic on web-1");
    assertThat(lines[1]).endsWith(" reverted partition on all its traffic on web-1");
    Instant first = Instant.parse(lines[0].substring(0, lines[0].indexOf(' ')));
    Instant second = Instant.parse(lines[1].substring(0, lines[1].indexOf(' ')));
    // The wall clock is read once, at the launch, so allow for its resolution around it.
    assertThat(first).isBetween(before.minusMillis(20), after.plusMillis(20));
    assertThat(second).isAfterOrEqualTo(first);
  }

  @Test
  void rendersNothingWhenNoEventOfTheKindHappened() {
    Timeline timeline = new Timeline();
    timeline.event("drill", "kill web-2");

    assertThat(timeline.renderEvents("fault")).isEmpty();
  }
}
