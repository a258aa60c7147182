package io.github.lbstack.samples.spring;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.RunningStack;
import io.github.lbstack.traffic.Traffic;
import org.junit.jupiter.api.Test;

/** Requests through the lb are spread round robin over the three Spring Boot replicas. */
@ShopStack
class SpringRoundRobinIT {

  @Test
  void everyReplicaServesInTurn(RunningStack stack) {
    assertThat(Traffic.through(stack).path("/actuator/health").send(9)).hasNoFailures().isRoundRobin();
  }
}
