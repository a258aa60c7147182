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

@LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class SingleReplicaStackIT {

  @Test
  void oneReplicaServesEverything(RequestSpecification lb, RunningStack stack) {
    assertThat(stack.replicas()).hasSize(1);
    assertThat(Traffic.through(lb).send(4)).coversExactly("web-1");
  }
}
