package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.Leftovers;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Warm spares: three extra replicas start with the stack and wait paused. Scaling up unpauses those very
 * containers (no new one starts), scaling down pauses them again, and traffic flows throughout.
 */
@LoadBalancedStack(replicas = 3, spares = 3, web = @Web(jar = "target/it-app.jar"))
class SparesIT {

  @Test
  void scalingUpUnpausesTheSparesAndScalingDownPausesThemAgain(RunningStack stack) {
    Map<String, String> atStart = Leftovers.containers(stack.id());
    assertThat(atStart).containsKeys("web-4", "web-5", "web-6");
    assertThat(atStart.get("web-4")).endsWith(" paused");
    assertThat(atStart.get("web-6")).endsWith(" paused");
    assertThat(atStart.get("web-3")).endsWith(" running");
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2", "web-3");

    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(10);
      long scaling = System.nanoTime();
      stack.scaleTo(6);
      long scaled = System.nanoTime();
      System.out.printf("scaleTo(6) with 3 spares took %d ms%n", (scaled - scaling) / 1_000_000);
      assertThat(stack.replicas()).extracting(Replica::hostname)
          .containsExactly("web-1", "web-2", "web-3", "web-4", "web-5", "web-6");
      Map<String, String> atSix = Leftovers.containers(stack.id());
      assertThat(id(atSix.get("web-5"))).as("the spare itself serves, not a new container")
          .isEqualTo(id(atStart.get("web-5")));
      assertThat(atSix.get("web-5")).endsWith(" running");
      // Round robin over 6 replicas from 2 clients: 48 requests reach each one several times.
      traffic.awaitRequests(48);
      long sixUntil = System.nanoTime();

      stack.scaleTo(3);
      long threeFrom = System.nanoTime();
      Map<String, String> atThree = Leftovers.containers(stack.id());
      assertThat(atThree.get("web-6")).isEqualTo(atStart.get("web-6"));
      assertThat(atThree.get("web-4")).isEqualTo(atStart.get("web-4"));
      traffic.awaitRequests(24);

      Distribution served = traffic.stop();
      System.out.println("traffic while scaling into spares:\n" + served.table());
      assertThat(served).hasNoFailures();
      assertThat(served.sentBetween(scaled, sixUntil))
          .coversExactly("web-1", "web-2", "web-3", "web-4", "web-5", "web-6");
      assertThat(served.sentSince(threeFrom)).coversExactly("web-1", "web-2", "web-3");
    }
  }

  private static String id(String idAndState) {
    return idAndState.substring(0, idAndState.indexOf(' '));
  }
}
