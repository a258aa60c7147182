package io.github.lbstack.it.deploy;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Release;
import io.github.lbstack.Replica;
import io.github.lbstack.Rollout;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import org.junit.jupiter.api.Test;

/**
 * A rolling deploy from 1.0 to 2.0 and back, each under continuous traffic: no request fails, the traffic ends on
 * the new version, every replica runs it, and a session made on 1.0 is still valid on 2.0 (it lives in Redis).
 */
@LoadBalancedStack(replicas = 3, web = @Web(jar = RollingDeployIT.JAR, version = "1.0"))
class RollingDeployIT {

  static final String JAR = "target/it-app.jar";

  @Test
  void rollsOutAndBackUnderTrafficWithoutAFailedRequest(RunningStack stack) {
    String session = given(stack.lb()).post("/session").then().statusCode(201).extract().cookie("SESSION");

    Rollout rollout;
    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(20);
      rollout = stack.rollOut(Release.jar(JAR).version("2.0").env("APP_VERSION=2.0"));
      // Requests after the rollout, so the run ends on what the rollout left.
      traffic.awaitRequests(20);
      assertThat(traffic.stop()).hasNoFailures().switchesTo("2.0");
    }
    assertThat(stack).runsOnly("2.0");
    assertThat(stack.replicas()).hasSize(3).extracting(Replica::version).containsOnly("2.0");
    assertThat(rollout.from()).isEqualTo("1.0");
    assertThat(rollout.to()).isEqualTo("2.0");
    // Each old replica: a new one in rotation, then the old one drained.
    assertThat(rollout.steps()).hasSize(6);
    assertThat(rollout.steps().get(0)).endsWith("(2.0) in rotation");
    assertThat(rollout.steps().get(1)).endsWith("(1.0) drained and removed");
    given(stack.lb()).get("/env/APP_VERSION").then().statusCode(200).body(equalTo("2.0"));
    given(stack.lb()).cookie("SESSION", session).get("/session").then().statusCode(200);

    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(20);
      Rollout back = stack.rollBack();
      traffic.awaitRequests(20);
      Distribution served = traffic.stop();
      assertThat(served).hasNoFailures().switchesTo("1.0");
      assertThat(back.to()).isEqualTo("1.0");
      // Without stickiness, round robin sends each client back and forth while both versions serve.
      assertThatThrownBy(() -> assertThat(served).noClientGoesBackAfter("1.0")).isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected no client to go back from <1.0>, but client");
    }
    assertThat(stack).runsOnly("1.0");
    given(stack.lb()).get("/env/APP_VERSION").then().statusCode(404);
    given(stack.lb()).cookie("SESSION", session).get("/session").then().statusCode(200);
  }
}
