package io.github.lbstack.it.stack;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Traffic;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

// The distribution alone: the samples' FiveReplicasIT runs five replicas on the whole stack.
@LoadBalancedStack(replicas = 5, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class FiveReplicaStackIT {

  @Test
  void fifteenRequestsCycleOverFiveReplicas(RequestSpecification lb, RunningStack stack) {
    assertThat(stack.replicas()).hasSize(5);
    assertThat(Traffic.through(lb).send(15))
        .coversExactly("web-1", "web-2", "web-3", "web-4", "web-5")
        .isRoundRobin();
  }
}
