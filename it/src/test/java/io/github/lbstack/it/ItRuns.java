package io.github.lbstack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Checks on a test kit run that show the fixtures' own failures, not only their counts. */
public final class ItRuns {

  private ItRuns() {}

  /**
   * Runs a fixture class whose stack must not start, with this run's images.
   *
   * @return the class's failure
   */
  public static Throwable startFailure(Class<?> fixture) {
    EngineExecutionResults results = ItImages.engine().selectors(DiscoverySelectors.selectClass(fixture)).execute();
    return results.containerEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
        .map(result -> result.getThrowable().orElseThrow()).findFirst().orElseThrow();
  }

  /** Asserts that a start failure names its stack, and that nothing of that stack is left. */
  public static void assertNothingLeftOf(Throwable startFailure) {
    Matcher id = Pattern.compile("lbstack stack (\\w+) failed").matcher(startFailure.getMessage());
    assertThat(id.find()).as(startFailure.getMessage()).isTrue();
    assertThat(Leftovers.of(id.group(1))).isEmpty();
  }

  public static void assertAllSucceeded(EngineExecutionResults results, int tests) {
    List<String> failures = results.allEvents().failed().stream()
        .map(event -> event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("(no throwable)"))
        .toList();
    assertThat(failures).as("failures in the fixture classes").isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }
}
