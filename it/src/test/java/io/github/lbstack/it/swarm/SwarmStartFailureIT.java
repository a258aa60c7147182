package io.github.lbstack.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lbstack.Database;
import io.github.lbstack.ServiceDefinition;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.Leftovers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A task the engine cannot start because of the stack's own spec fails the start at once, in the engine's words.
 * The backend gives a new task only to failures the engine makes on its own (moby#48783, which cannot be brought
 * about on purpose); this is the other side of that line, on a real swarm.
 */
@EnabledIfSystemProperty(named = "lbstack.backend", matches = "swarm")
class SwarmStartFailureIT {

  @Test
  void aServiceWhoseCommandCannotRunFailsAtItsFirstTaskAndLeavesNothing() {
    Throwable failure = catchThrowable(() -> StackDefinition.builder().jar("target/it-app.jar").replicas(1)
        .database(Database.NONE).redis(false).healthPath("/")
        .services(ServiceDefinition.of("broker", ItImages.redis(), 6379).command("no-such-binary"))
        .start().close());

    assertThat(failure).as("the start").isNotNull();
    String message = failure.getMessage();
    assertThat(message).contains("broker").contains("its swarm task ended as failed on node")
        .contains("executable file not found").doesNotContain("(task ");
    Matcher stackId = Pattern.compile("lbstack stack (\\w{8})").matcher(message);
    assertThat(stackId.find()).as(message).isTrue();
    // The manager lists a removed overlay network for a few seconds more.
    Awaitility.await("the failed stack removed").atMost(Duration.ofSeconds(60))
        .until(() -> Leftovers.of(stackId.group(1)).isEmpty());
  }
}
