package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;

import io.github.lbstack.Lb;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Your own {@code haproxy.cfg} under test: the checked-in src/test/haproxy/haproxy.cfg, with lbstack's replicas in
 * its backend "quickstart". The file's rules hold, and the balancing is what the file says.
 */
@LoadBalancedStack(web = @Web(dockerfile = QuickstartStack.DOCKERFILE, buildArgs = QuickstartStack.BASE_IMAGE_ARG),
    lb = @Lb(config = "src/test/haproxy/haproxy.cfg", backend = "quickstart"))
class OwnLoadBalancerIT {

  @Test
  void everyReplicaServesInTurnThroughYourConfig(RequestSpecification lb) {
    Distribution served = Traffic.through(lb).path("/login").send(12);

    assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3").isRoundRobin();
  }

  @Test
  void yourRulesHold(RequestSpecification lb) {
    given(lb).get("/admin/users").then().statusCode(403);
    given(lb).redirects().follow(false).get("/").then().statusCode(302).header("Location", "/login");
  }
}
