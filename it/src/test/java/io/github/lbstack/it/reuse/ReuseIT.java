package io.github.lbstack.it.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.StackLabels;
import io.github.lbstack.it.ChildJvms;
import io.github.lbstack.it.Leftovers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Reuse on a developer's machine, run after run, each run a JVM of its own: the first leaves its shared stack
 * running, the next takes it up reset, a changed definition replaces it, a run in CI neither takes nor keeps one, and
 * the README's command removes what is kept.
 */
class ReuseIT {

  private static final Pattern STACK = Pattern.compile("STACK (\\w+) cache-before=(\\S+)");
  private static final Pattern READY = Pattern.compile("reset and ready in (\\d+) ms");

  record Run(String stackId, String cacheBefore, String output) {}

  private static Run run(Map<String, String> env, String... configuration) throws Exception {
    List<String> command = ChildJvms.command(ReuseRun.class, configuration);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // A developer's shell: no CI variable, unless the test sets one.
    builder.environment().remove("CI");
    builder.environment().putAll(env);
    // To a file, so the wait below bounds the child's run: reading a pipe to its end would block without limit.
    java.nio.file.Path log = java.nio.file.Files.createTempFile("lbstack-reuse-run", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean exited = process.waitFor(3, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
    java.nio.file.Files.delete(log);
    assertThat(exited).as("the child run ended within 3 minutes; its output:\n" + output).isTrue();
    assertThat(output).as("the child run's output").contains("SUCCEEDED 1").doesNotContain("FAILED ");
    Matcher stack = STACK.matcher(output);
    assertThat(stack.find()).as("the fixture's report in:\n" + output).isTrue();
    return new Run(stack.group(1), stack.group(2), output);
  }

  @Test
  void aSecondRunTakesUpTheFirstRunsStackResetAndAChangedDefinitionReplacesIt() throws Exception {
    Run first = run(Map.of());
    assertThat(first.output()).contains("kept for reuse by later runs", "left running for the next run");
    assertThat(Leftovers.of(first.stackId())).as("kept after its JVM exited: network, lb, mysql, redis, 3 web")
        .hasSize(7);

    Run second = run(Map.of());
    assertThat(second.stackId()).as("the same stack, taken up").isEqualTo(first.stackId());
    assertThat(second.cacheBefore()).as("the first run's cache value was reset").isEqualTo("null");
    Matcher ready = READY.matcher(second.output());
    assertThat(ready.find()).isTrue();
    System.out.println("a reused stack was ready in " + ready.group(1) + " ms");

    Run changed = run(Map.of(), "lbstack.lb.health-check-interval=400");
    assertThat(changed.stackId()).as("a changed definition gets a new stack").isNotEqualTo(first.stackId());
    assertThat(changed.output()).contains("replacing the reusable stack of " + ReuseFixture.class.getName());
    assertThat(Leftovers.of(first.stackId())).as("the replaced stack is gone").isEmpty();
    assertThat(Leftovers.of(changed.stackId())).hasSize(7);

    Run inCi = run(Map.of("CI", "true"));
    assertThat(inCi.output()).contains("lbstack.reuse=true is ignored because the environment variable CI is set");
    assertThat(inCi.stackId()).as("CI never takes up a kept stack").isNotEqualTo(changed.stackId());
    assertThat(Leftovers.of(inCi.stackId())).as("nor keeps its own").isEmpty();
    assertThat(Leftovers.of(changed.stackId())).as("nor removes a developer's kept stack").hasSize(7);

    assertThat(removeReused()).isZero();
    assertThat(Leftovers.of(changed.stackId())).as("removed by the README's command").isEmpty();
  }

  /**
   * On PostgreSQL: the kept stack is found again with its credentials (read back from the database container's
   * environment) and reset, so the row the first run left is gone from the table it made.
   */
  @Test
  void aKeptPostgresStackIsTakenUpResetByTheNextRun() throws Exception {
    String fixture = ReuseRun.FIXTURE + ReusePostgresFixture.class.getName();
    Run first = run(Map.of(), fixture);
    assertThat(first.cacheBefore()).as("no table yet").isEqualTo("none");
    assertThat(Leftovers.containers(first.stackId())).containsKey("postgres");

    Run second = run(Map.of(), fixture);
    assertThat(second.stackId()).as("the same stack, taken up").isEqualTo(first.stackId());
    assertThat(second.cacheBefore()).as("the first run's row was reset away").isEqualTo("0");

    assertThat(removeReused()).isZero();
    assertThat(Leftovers.of(first.stackId())).isEmpty();
  }

  /** The README's command, as a person runs it. */
  private static int removeReused() throws Exception {
    String command = "docker ps -aq --filter label=" + StackLabels.REUSE + " | xargs -r docker rm -f; "
        + "docker network ls -q --filter label=" + StackLabels.REUSE + " | xargs -r docker network rm";
    Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
    return process.waitFor();
  }

  @AfterAll
  static void removeWhateverAFailureLeft() throws Exception {
    removeReused();
  }
}
