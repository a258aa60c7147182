package io.github.lbstack.internal.report;

import java.util.List;
import java.util.Map;

/**
 * What one test class did with its stack, for the run report.
 *
 * @param served requests the lb sent each replica during the class
 * @param failed of those, the ones that failed (5xx, connection or response errors)
 * @param evidence the folder with the failure evidence, or null when no test failed
 * @param tests each test's outcome, in the order they ended
 * @param runs the traffic and load runs the class sent through the stack
 * @param startNanos when the class took the stack, on {@link System#nanoTime()}'s clock
 * @param endNanos when it let go of it
 */
public record ClassRun(String testClass, String stackId, Map<String, Long> served,
    Map<String, Long> failed, String evidence, List<TestOutcome> tests, List<LatencySeries> runs, long startNanos,
    long endNanos) {

  /** One point of a stack's start-up timeline. */
  public record Step(String service, String phase, long millis) {}

  /** Something done to a running stack, on {@link System#nanoTime()}'s clock. */
  public record Mark(long nanos, String kind, String what) {}

  /**
   * @param name the test's display name
   * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   * @param detail the failure's message, or the reason it was skipped; empty otherwise
   */
  public record TestOutcome(String name, String status, String detail) {}

  public ClassRun {
    served = Map.copyOf(served);
    failed = Map.copyOf(failed);
    tests = List.copyOf(tests);
    runs = List.copyOf(runs);
  }

  public long requests() {
    return served.values().stream().mapToLong(Long::longValue).sum();
  }

  public long failedRequests() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  public String simpleName() {
    return testClass.substring(testClass.lastIndexOf('.') + 1);
  }
}
