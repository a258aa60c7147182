package io.github.lbstack.it.deploy;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Release;
import io.github.lbstack.RolloutFailedException;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

/** Rollouts that must not go through, and the old version that must keep serving when they don't. */
@LoadBalancedStack(replicas = 3, web = @Web(jar = RollingDeployIT.JAR, version = "1.0"))
class FailedRolloutIT {

  /**
   * The first new replica (web-4) is healthy and replaces web-1; the next one takes web-1's name and never passes its
   * health check. The rollout stops, web-4 is rolled back, and 1.0 serves on every replica, with no request lost.
   */
  @Test
  void aReleaseThatNeverBecomesHealthyStopsAndIsRolledBack(RunningStack stack) {
    // Time enough for a healthy it-app replica to start on a loaded machine; the unhealthy one uses it all.
    Release broken = Release.jar(RollingDeployIT.JAR).version("2.1").env("UNHEALTHY_HOST=web-1")
        .readyTimeout(Duration.ofSeconds(20));
    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(20);
      assertThatThrownBy(() -> stack.rollOut(broken))
          .isInstanceOf(RolloutFailedException.class)
          .hasMessageContaining("rollout of 2.1 stopped: new replica web-1 of 2.1 did not become ready")
          .hasMessageContaining("rolled back to 1.0")
          .hasMessageContaining("GET /health answered 503")
          .hasMessageContaining("raise Release.readyTimeout")
          .satisfies(e -> assertThat(((RolloutFailedException) e).rollout().steps())
              .anyMatch(step -> step.endsWith("web-4 (2.1) in rotation"))
              .anyMatch(step -> step.endsWith("web-4 (2.1) drained and removed")));
      traffic.awaitRequests(20);
      assertThat(traffic.stop()).hasNoFailures();
    }
    assertThat(stack).runsOnly("1.0");
    assertThatThrownBy(() -> assertThat(stack).runsOnly("2.1")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected every replica to run <2.1>, but they run {web-1=1.0, web-2=1.0, web-3=1.0}.");
    assertThatThrownBy(stack::rollBack).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing to roll back");
  }

  /**
   * A green set that cannot start (here its JVM refuses a 1 KB heap, as a bad setting of a real release would) goes
   * before the switch; blue serves on, untouched, and no request fails.
   */
  @Test
  void aGreenSetThatCannotStartNeverTakesTraffic(RunningStack stack) {
    var before = stack.versions();
    try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
      traffic.awaitRequests(10);
      assertThatThrownBy(() -> stack.switchTo(Release.jar(RollingDeployIT.JAR).version("broken")
          .env("JAVA_TOOL_OPTIONS=-Xmx1k")))
          .isInstanceOf(RolloutFailedException.class)
          .hasMessageContaining("blue/green switch to broken stopped before the switch, so 1.0 serves on as before")
          .hasMessageContaining("exited with code 1");
      traffic.awaitRequests(10);
      Distribution served = traffic.stop();
      assertThat(served).hasNoFailures();
      assertThat(served.versions()).containsOnlyKeys("1.0");
    }
    assertThat(stack.versions()).isEqualTo(before);
  }

  /**
   * Version 2 renames a column that version 1 reads. While both serve, version 1's reads fail, and a test that
   * asserts no failed request over the rollout says so.
   */
  @Test
  void aMigrationThatBreaksTheOldVersionFailsTheMixedWindow() {
    EngineExecutionResults results = ItImages.engine().selectors(selectClass(SchemaBreakTestCase.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    results.testEvents().assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure(
        TestExecutionResultConditions.instanceOf(AssertionError.class),
        TestExecutionResultConditions.message(message -> message.contains("Expected no failed requests")
            && message.contains("status 500"))));
  }

  /** A fixture, run through the test kit by the test above: its own test must fail. */
  @LoadBalancedStack(replicas = 2, web = @Web(jar = RollingDeployIT.JAR, version = "1"))
  static class SchemaBreakTestCase {

    @Test
    void rollsOutASchemaChange(RunningStack stack) {
      io.restassured.RestAssured.given(stack.lb()).post("/rows?value=before").then().statusCode(201);
      try (TrafficRun traffic = Traffic.through(stack).path("/rows").clients(2).start()) {
        traffic.awaitRequests(10);
        stack.rollOut(Release.jar(RollingDeployIT.JAR).version("2").env("SCHEMA_VERSION=2"));
        traffic.awaitRequests(10);
        assertThat(traffic.stop()).hasNoFailures().switchesTo("2");
      }
    }
  }
}
