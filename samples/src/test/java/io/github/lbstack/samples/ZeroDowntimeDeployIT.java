package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Release;
import io.github.lbstack.RunningStack;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * My deploy loses no request: the next version rolls out replica by replica under traffic, no request fails, the
 * traffic ends on the new version, and a user who logged in before is still logged in after.
 */
@QuickstartStack
class ZeroDowntimeDeployIT {

  /** The build's next version; a real suite would take it from the build, as {@code ${app.jar}}. */
  static final String NEXT_VERSION = "target/docker/quickstart.jar";

  @Test
  void myDeployLosesNoRequest(RequestSpecification lb, RunningStack stack) {
    String username = Quickstart.newUsername();
    Quickstart.register(lb, username);
    String session = Quickstart.login(lb, username).session();

    try (TrafficRun traffic = Traffic.through(stack).path("/login").clients(2).start()) {
      traffic.awaitRequests(20);
      stack.rollOut(Release.jar(NEXT_VERSION).version("2.0"));
      traffic.awaitRequests(20);
      assertThat(traffic.stop()).hasNoFailures().switchesTo("2.0");
    }
    assertThat(stack).runsOnly("2.0");

    Response tasks = given(lb).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false).get("/tasks");
    assertThat(tasks.statusCode()).as("still logged in on 2.0").isEqualTo(200);
    assertThat(Quickstart.userOn(tasks.body().asString())).isEqualTo(username);
  }
}
