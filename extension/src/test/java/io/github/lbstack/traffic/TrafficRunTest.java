package io.github.lbstack.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run's mechanics, with a sender that answers in turn from three replicas instead of a network. */
class TrafficRunTest {

  private final AtomicInteger sent = new AtomicInteger();

  private java.util.function.IntFunction<Supplier<Served>> roundRobin() {
    return client -> () -> {
      int number = sent.getAndIncrement();
      return new Served("web-" + (number % 3 + 1), 200, null, System.nanoTime(), 1, null, client);
    };
  }

  @Test
  void runsUntilStoppedAndReturnsEveryRequestInSendOrder() {
    TrafficRun run = new TrafficRun(2, number -> true, roundRobin(), Set.of("web-1", "web-2", "web-3"));

    run.awaitRequests(30);
    Distribution served = run.stop();

    assertThat(served.requests()).hasSizeGreaterThanOrEqualTo(30).hasSize(sent.get());
    assertThat(served.requests()).isSortedAccordingTo(java.util.Comparator.comparingLong(Served::startNanos));
    assertThat(served.replicas()).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
    // Numbered from 1; one client may not have started yet when the other has sent 30.
    assertThat(served.requests()).extracting(Served::client).isSubsetOf(1, 2);
    assertThat(run.stop()).as("stopping again").isSameAs(served);
    assertThat(sent.get()).as("nothing sent after stop()").isEqualTo(served.requests().size());
  }

  /** The run has ended before the call: the answer is immediate, not the end of a two-minute wait for news. */
  @Test
  @Timeout(30)
  void awaitingMoreRequestsThanARunThatEndedSentIsAnErrorNamingTheCount() {
    TrafficRun run = new TrafficRun(1, number -> number < 5, roundRobin(), Set.of());
    assertThat(run.join().requests()).hasSize(5);

    assertThatIllegalStateException().isThrownBy(() -> run.awaitRequests(1))
        .withMessage("awaitRequests(1): the traffic run ended after 5 requests, before 6");
  }

  @Test
  void rejectsAwaitingFewerThanOneRequest() {
    try (TrafficRun run = new TrafficRun(1, number -> true, roundRobin(), Set.of())) {
      assertThatIllegalArgumentException().isThrownBy(() -> run.awaitRequests(0))
          .withMessage("awaitRequests(0): use 1 or more");
    }
  }

  @Test
  void closingStopsSending() {
    TrafficRun run = new TrafficRun(2, number -> true, roundRobin(), Set.of());
    run.awaitRequests(1);
    run.close();
    int afterClose = sent.get();

    assertThat(run.completed()).isEqualTo(afterClose);
    assertThat(run.stop().requests()).hasSize(afterClose);
  }
}
