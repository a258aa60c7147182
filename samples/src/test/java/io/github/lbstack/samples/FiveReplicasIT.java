package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** The same app at five replicas: still round-robin, and a login still counts everywhere. */
@LoadBalancedStack(replicas = 5,
    web = @Web(dockerfile = QuickstartStack.DOCKERFILE, buildArgs = QuickstartStack.BASE_IMAGE_ARG))
class FiveReplicasIT {

  @Test
  void fiveReplicasServeInTurn(RequestSpecification lb, RunningStack stack) {
    Distribution served = Traffic.through(lb).path("/login").identifiedBy(Quickstart.HOSTNAME_HEADER).send(15);

    System.out.println(served.table());
    assertThat(stack.replicas()).hasSize(5);
    assertThat(served).coversExactly("web-1", "web-2", "web-3", "web-4", "web-5").isRoundRobin();
  }

  @Test
  void aLoginCountsOnAllFive(RunningStack stack) {
    String username = Quickstart.newUsername();
    String session = Quickstart.register(stack.replica(5).spec(), username);

    for (var replica : stack.replicas()) {
      String page = io.restassured.RestAssured.given(replica.spec()).cookie(Quickstart.SESSION_COOKIE, session)
          .get("/tasks").body().asString();
      assertThat(Quickstart.userOn(page)).as("user on %s", replica.hostname()).isEqualTo(username);
    }
  }
}
