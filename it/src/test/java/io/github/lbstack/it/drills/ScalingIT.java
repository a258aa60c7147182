package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Scale 3 → 5 → 2 while traffic flows: each step serves exactly the live replicas, and no request fails. */
@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"))
class ScalingIT {

  @Test
  void scalingUpAndDownKeepsTrafficFlowing(RunningStack stack) {
    CompletableFuture<Distribution> background =
        CompletableFuture.supplyAsync(() -> Traffic.through(stack).clients(2).sendFor(Duration.ofSeconds(45)));

    assertThat(Traffic.through(stack).send(9)).coversExactly("web-1", "web-2", "web-3").hasNoFailures();

    stack.scaleTo(5);
    assertThat(stack.replicas()).extracting(Replica::hostname)
        .containsExactly("web-1", "web-2", "web-3", "web-4", "web-5");
    assertThat(Traffic.through(stack).send(15))
        .coversExactly("web-1", "web-2", "web-3", "web-4", "web-5").hasNoFailures();

    stack.scaleTo(2);
    assertThat(stack.replicas()).extracting(Replica::hostname).containsExactly("web-1", "web-2");
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2").containsValues("UP");
    assertThat(Traffic.through(stack).send(8)).coversExactly("web-1", "web-2").hasNoFailures();

    Distribution whileScaling = background.join();
    System.out.println("traffic while scaling:\n" + whileScaling.table());
    assertThat(whileScaling).hasNoFailures();
    assertThat(whileScaling.requests()).hasSizeGreaterThan(20);
  }

  @Test
  void scalingOutOfRangeIsRefused(RunningStack stack) {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> stack.scaleTo(0))
        .withMessage("scaleTo(0) is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
  }
}
