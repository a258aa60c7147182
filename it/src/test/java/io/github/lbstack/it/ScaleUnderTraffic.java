package io.github.lbstack.it;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.RunningStack;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;

/**
 * Scaling 3 → 5 → 2 under traffic from 2 clients, the same on every balancer and config, and the stack put back to
 * 3 replicas whatever happens. Each window ends when enough requests have completed, never after a fixed time.
 *
 * @param served every request of the run
 * @param atFive the requests sent while 5 replicas served
 * @param atTwo the requests sent once 2 replicas were left
 * @param statusesAtTwo the lb's view right after scaling to 2
 */
public record ScaleUnderTraffic(Distribution served, Distribution atFive, Distribution atTwo,
    java.util.Map<String, String> statusesAtTwo) {

  /** Requests per window: at most 5 replicas from 2 clients reaches each one several times. */
  private static final int WINDOW = 40;

  /** @param path what the traffic asks for, such as {@code "/"} or a path the lb's config routes to the app */
  public static ScaleUnderTraffic of(RunningStack stack, String path) {
    try (TrafficRun traffic = Traffic.through(stack).path(path).clients(2).start()) {
      traffic.awaitRequests(WINDOW);
      stack.scaleTo(5);
      long fiveFrom = System.nanoTime();
      traffic.awaitRequests(WINDOW);
      long fiveTo = System.nanoTime();
      stack.scaleTo(2);
      long twoFrom = System.nanoTime();
      java.util.Map<String, String> statusesAtTwo = stack.lbStatuses();
      traffic.awaitRequests(WINDOW);
      Distribution served = traffic.stop();
      System.out.println("traffic while scaling 3 -> 5 -> 2:\n" + served.table());
      return new ScaleUnderTraffic(served, served.sentBetween(fiveFrom, fiveTo), served.sentSince(twoFrom),
          statusesAtTwo);
    } finally {
      stack.scaleTo(3);
    }
  }

  /** No request failed, and each step served exactly its replicas. */
  public void assertLostNothing() {
    assertThat(served).hasNoFailures();
    assertThat(atFive).coversExactly("web-1", "web-2", "web-3", "web-4", "web-5");
    assertThat(atTwo).coversExactly("web-1", "web-2");
    org.assertj.core.api.Assertions.assertThat(statusesAtTwo).containsOnlyKeys("web-1", "web-2").containsValues("UP");
  }
}
