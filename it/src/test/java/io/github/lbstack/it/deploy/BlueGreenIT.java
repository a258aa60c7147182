package io.github.lbstack.it.deploy;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Release;
import io.github.lbstack.Rollout;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Served;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import org.junit.jupiter.api.Test;

/**
 * A blue/green switch under continuous traffic: no request fails, and the switch is one point in the request
 * sequence; every request that completed before it went to blue, every request sent after it to green.
 */
// The switch is the lb's: no data tier.
@LoadBalancedStack(replicas = 2, database = Database.NONE, redis = false,
    web = @Web(jar = RollingDeployIT.JAR, version = "blue", healthPath = "/"))
class BlueGreenIT {

  @Test
  void switchesInOneStepUnderTrafficWithoutAFailedRequest(RunningStack stack) {
    Rollout rollout;
    Distribution served;
    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(20);
      rollout = stack.switchTo(Release.jar(RollingDeployIT.JAR).version("green"));
      traffic.awaitRequests(20);
      served = traffic.stop();
    }
    assertThat(served).hasNoFailures().switchesTo("green");
    assertThat(stack).runsOnly("green");
    assertThat(stack.versions()).containsOnlyKeys("web-3", "web-4");
    assertThat(served.requests()).filteredOn(request -> request.startNanos() + request.latencyNanos()
        < rollout.firstNewInRotationNanos()).isNotEmpty().extracting(Served::version).containsOnly("blue");
    assertThat(served.sentSince(rollout.lastOldOutNanos()).requests()).isNotEmpty().extracting(Served::version)
        .containsOnly("green");
    System.out.printf("blue/green: switch took %d ms of %d ms in all%n", rollout.mixedWindow().toMillis(),
        rollout.duration().toMillis());
  }
}
