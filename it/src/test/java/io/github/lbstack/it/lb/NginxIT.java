package io.github.lbstack.it.lb;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.Lb;
import io.github.lbstack.LbType;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The generated nginx balancer does what the HAProxy one does: round robin with the serving replica named in
 * {@code X-Served-By}, scaling under traffic (each step a rewrite of the upstream and a graceful reload) without a
 * lost request, and the kill drill without a failed GET. Windows end when enough requests have completed or the
 * step has ended, never after a fixed time.
 */
// What the lb does is the subject: no data tier (two containers and about 8 CPU-seconds fewer per stack).
@LoadBalancedStack(database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"), lb = @Lb(type = LbType.NGINX))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxIT implements ScalingAndKillUnderTraffic {

  @Test
  @Order(1)
  void requestsCycleOverTheReplicasAndNameTheOneThatServed(RunningStack stack) {
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2", "web-3").containsValues("UP");
    Distribution distribution = Traffic.through(stack).send(9);
    assertThat(distribution).coversExactly("web-1", "web-2", "web-3").isRoundRobin();
    for (int i = 0; i < 3; i++) {
      Response response = given(stack.lb()).get("/");
      assertThat(response.getHeader("X-Served-By")).isEqualTo(response.body().asString());
    }
  }
}
