package io.github.lbstack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Checks on a test kit run that show the fixtures' own failures, not only their counts. */
public final class ItRuns {

  private ItRuns() {}

  public static void assertAllSucceeded(EngineExecutionResults results, int tests) {
    List<String> failures = results.allEvents().failed().stream()
        .map(event -> event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("(no throwable)"))
        .toList();
    assertThat(failures).as("failures in the fixture classes").isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }
}
