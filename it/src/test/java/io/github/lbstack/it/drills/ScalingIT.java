package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import org.junit.jupiter.api.Test;

/**
 * Scale 3 → 5 → 2 while traffic flows: each step serves exactly the live replicas, and no request fails. Each window
 * ends when enough requests have completed to reach every replica, or when the scaling has ended, never after a fixed
 * time.
 */
@LoadBalancedStack(database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class ScalingIT {

  /** Requests per window: round robin over at most 5 replicas from 2 clients reaches each one several times. */
  private static final int WINDOW = 40;

  @Test
  void scalingUpAndDownKeepsTrafficFlowing(RunningStack stack) {
    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      long threeFrom = System.nanoTime();
      traffic.awaitRequests(WINDOW);
      long threeTo = System.nanoTime();

      stack.scaleTo(5);
      long fiveFrom = System.nanoTime();
      assertThat(stack.replicas()).extracting(Replica::hostname)
          .containsExactly("web-1", "web-2", "web-3", "web-4", "web-5");
      traffic.awaitRequests(WINDOW);
      long fiveTo = System.nanoTime();

      stack.scaleTo(2);
      long twoFrom = System.nanoTime();
      assertThat(stack.replicas()).extracting(Replica::hostname).containsExactly("web-1", "web-2");
      assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2").containsValues("UP");
      traffic.awaitRequests(WINDOW);

      Distribution served = traffic.stop();
      System.out.println("traffic while scaling:\n" + served.table());
      assertThat(served).hasNoFailures();
      assertThat(served.sentBetween(threeFrom, threeTo)).coversExactly("web-1", "web-2", "web-3");
      assertThat(served.sentBetween(fiveFrom, fiveTo)).coversExactly("web-1", "web-2", "web-3", "web-4", "web-5");
      assertThat(served.sentSince(twoFrom)).coversExactly("web-1", "web-2");
    }
  }

  @Test
  void scalingOutOfRangeIsRefused(RunningStack stack) {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> stack.scaleTo(0))
        .withMessage("scaleTo(0) is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
  }
}
