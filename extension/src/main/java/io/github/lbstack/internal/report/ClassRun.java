package io.github.lbstack.internal.report;

import java.util.List;
import java.util.Map;

/**
 * What one test class did with its stack, for the run report.
 *
 * @param timeline the stack's start-up: service, phase and milliseconds after the launch
 * @param served requests the lb sent each replica during the class
 * @param failed of those, the ones that failed (5xx, connection or response errors)
 * @param evidence the folder with the failure evidence, or null when no test failed
 */
public record ClassRun(String testClass, String stackId, boolean shared, List<Step> timeline,
    Map<String, Long> served, Map<String, Long> failed, String evidence) {

  /** One point of the start-up timeline. */
  public record Step(String service, String phase, long millis) {}

  public ClassRun {
    timeline = List.copyOf(timeline);
    served = Map.copyOf(served);
    failed = Map.copyOf(failed);
  }
}
