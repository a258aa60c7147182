package io.github.lbstack.it.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.it.ChildJvms;
import io.github.lbstack.it.ChildJvms.Holder;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.Leftovers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with -9 runs no shutdown hook, so its stack stays in Docker. The next run on this host removes it
 * before it starts its own stack, and leaves alone the stack of a JVM that still runs.
 */
class LeakSweepIT {

  private static Holder hold() throws Exception {
    return ChildJvms.hold(HoldStack.class, System.getProperty(ItImages.APP_JAR_PROPERTY));
  }

  @Test
  void aKilledJvmsStackIsRemovedByTheNextRunAndALiveOnesIsNot() throws Exception {
    Holder killed = hold();
    killed.process().destroyForcibly();
    assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Leftovers.of(killed.stackId())).as("kill -9 leaves the stack behind (what the sweep is for)")
        .isNotEmpty();

    Holder next = hold();
    Holder another = null;
    try {
      assertThat(Leftovers.of(killed.stackId())).as("removed by the next run").isEmpty();

      another = hold();
      assertThat(Leftovers.of(next.stackId())).as("a live JVM's stack is left alone").hasSize(5);
      given().baseUri(next.lbUri()).get("/").then().statusCode(200);
    } finally {
      for (Holder holder : another == null ? List.of(next) : List.of(next, another)) {
        holder.process().destroy();
        assertThat(holder.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Leftovers.of(holder.stackId())).as("removed by its JVM's shutdown hook on SIGTERM").isEmpty();
      }
    }
  }
}
