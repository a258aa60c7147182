package io.github.lbstack.internal.report;

import java.util.List;

/**
 * One stack of the run, as the report shows it once, however many classes used it.
 *
 * @param backend where it ran, such as {@code "docker at unix:///var/run/docker.sock"}
 * @param adopted taken up from an earlier run ({@code lbstack.reuse=true}) rather than started
 * @param keptForReuse left running for the next run
 * @param startNanos when its launch began, on {@link System#nanoTime()}'s clock
 * @param startup its start-up, service by service
 * @param marks what was done to it while it ran: drills, faults, rollout steps, scaling
 * @param leftovers what closing it could not remove
 */
public record StackRun(String id, String backend, boolean adopted, boolean keptForReuse,
    long startNanos, List<ClassRun.Step> startup, List<ClassRun.Mark> marks, List<String> leftovers) {

  public StackRun {
    startup = List.copyOf(startup);
    marks = List.copyOf(marks);
    leftovers = List.copyOf(leftovers);
  }

  /** {@return how long its start took, to the last start-up step} */
  public long readyMillis() {
    return startup.stream().mapToLong(ClassRun.Step::millis).max().orElse(0);
  }
}
