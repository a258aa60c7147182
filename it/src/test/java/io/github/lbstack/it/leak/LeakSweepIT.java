package io.github.lbstack.it.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.Leftovers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with -9 runs no shutdown hook, so its stack stays in Docker. The next run on this host removes it
 * before it starts its own stack, and leaves alone the stack of a JVM that still runs.
 */
class LeakSweepIT {

  /** A child JVM holding a stack. */
  record Holder(Process process, String stackId, String lbUri) {}

  private static Holder hold() throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    for (String key : ItImages.PROPERTIES) {
      if (System.getProperty(key) != null) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    command.add(HoldStack.class.getName());
    command.add(System.getProperty(ItImages.APP_JAR_PROPERTY));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> output = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      output.add(line);
      if (line.startsWith("UP ")) {
        String[] parts = line.split(" ");
        // Keep draining its output, or the child blocks once the pipe is full.
        Thread drain = new Thread(() -> {
          try {
            lines.lines().forEach(ignored -> { });
          } catch (java.io.UncheckedIOException closedWhenTheChildEnded) {
            // Nothing more to drain.
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Holder(process, parts[1], parts[2]);
      }
    }
    throw new AssertionError("the child JVM exited without a stack:\n" + String.join("\n", output));
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
