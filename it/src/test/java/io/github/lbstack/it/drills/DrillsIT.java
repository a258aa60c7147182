package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every drill takes a replica out of rotation and its counterpart brings it back, as the lb sees it. */
// What the lb does is the subject: no data tier (two containers and about 8 CPU-seconds fewer per stack).
@LoadBalancedStack(replicas = 2, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class DrillsIT {

  private static void assertOnlyWeb1Serves(RunningStack stack) {
    assertThat(Traffic.through(stack).send(4)).hasNoFailures().isStickyTo("web-1");
  }

  /**
   * Back in rotation: the lb sends it requests again. (Not necessarily in strict alternation at once: right after a
   * replica returns, HAProxy's round-robin was seen sending it several requests in a row.)
   */
  private static void assertBackInRotation(RunningStack stack, Replica replica) {
    assertThat(stack.lbStatuses()).containsEntry("web-1", "UP").containsEntry("web-2", "UP");
    Distribution served = Traffic.through(stack).send(12);
    assertThat(served).hasNoFailures();
    assertThat(served.counts()).containsKey("web-2");
    assertThat(given(replica.spec()).get("/").body().asString()).isEqualTo("web-2");
  }

  /** Takes web-2 out with one drill and brings it back with its counterpart, checking the lb at each end. */
  private static void outAndBack(RunningStack stack, UnaryOperator<Replica> out, UnaryOperator<Replica> back) {
    Replica replica = stack.replica(2);
    out.apply(replica);
    try {
      replica.awaitDown();
      assertOnlyWeb1Serves(stack);
    } catch (RuntimeException | AssertionError failure) {
      // The class's stack is not restored between tests: web-2 left out would fail the next drill as well.
      try {
        back.apply(replica).awaitUp();
      } catch (RuntimeException | AssertionError notBack) {
        failure.addSuppressed(notBack);
      }
      throw failure;
    }
    back.apply(replica).awaitUp();
    assertBackInRotation(stack, replica);
  }

  @Test
  void stopAndStart(RunningStack stack) {
    outAndBack(stack, Replica::stop, Replica::start);
  }

  @Test
  void killAndStart(RunningStack stack) {
    outAndBack(stack, Replica::kill, Replica::start);
  }

  @Test
  void restart(RunningStack stack) {
    Replica replica = stack.replica(2);
    replica.restart().awaitUp();
    assertBackInRotation(stack, replica);
    assertThat(replica.logs()).contains("it-app listening on 8080 as web-2");
  }

  @Test
  void pauseAndUnpause(RunningStack stack) {
    outAndBack(stack, Replica::pause, Replica::unpause);
  }

  @Test
  void disconnectAndReconnect(RunningStack stack) {
    outAndBack(stack, Replica::disconnect, Replica::reconnect);
  }
}
