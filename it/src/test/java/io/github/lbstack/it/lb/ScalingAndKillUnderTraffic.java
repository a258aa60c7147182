package io.github.lbstack.it.lb;

import io.github.lbstack.RunningStack;
import io.github.lbstack.it.KillUnderTraffic;
import io.github.lbstack.it.ScaleUnderTraffic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The two drills every balancer and config must pass, for classes ordered by {@code @Order}: scaling 3 → 5 → 2 with
 * no lost request, then a kill with no failed GET (last, since it leaves a replica dead).
 */
interface ScalingAndKillUnderTraffic {

  /** What the traffic asks for: a path the lb's config sends to the app's replicas. */
  default String appPath() {
    return "/";
  }

  @Test
  @Order(90)
  default void scalingUnderTrafficLosesNoRequest(RunningStack stack) {
    ScaleUnderTraffic.of(stack, appPath()).assertLostNothing();
  }

  @Test
  @Order(91)
  default void killingAReplicaLosesNoGet(RunningStack stack) {
    KillUnderTraffic.of(stack, 2).assertLostNoGet();
  }
}
