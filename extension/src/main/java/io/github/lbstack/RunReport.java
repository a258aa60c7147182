package io.github.lbstack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.StackLease;
import io.github.lbstack.internal.report.ClassRun;
import io.github.lbstack.internal.report.HtmlReport;
import io.github.lbstack.internal.report.RequestRuns;
import io.github.lbstack.internal.report.StackRun;
import io.github.lbstack.internal.spec.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;

/**
 * The run's report: failure evidence per class as tests fail, and one {@code index.html} for the whole run, written
 * when the run ends (the root store closes, after the stacks: it is made before the first one starts, so their
 * leftovers are known). People would rather look at a timeline than read one.
 *
 * <p>A run started inside another one in the same JVM (a test kit running fixture classes) hands its classes to the
 * outermost run that writes to the same folder, so one page shows them all instead of the last one overwriting it.
 */
final class RunReport implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;
  static final String DEFAULT_DIR = "target/lbstack-reports";
  private static final List<RunReport> OPEN = new ArrayList<>();

  private final Path dir;
  private final List<ClassRun> classes = new ArrayList<>();
  /** Every stack a class of this run used, in the order they were first used; read again when the run ends. */
  private final Map<String, CoreStack> stacks = new LinkedHashMap<>();
  private final List<StackRun> handedIn = new ArrayList<>();
  /** The classes nested runs handed in: fixtures a test kit ran, whose tests may fail on purpose. */
  private final java.util.Set<String> fixtures = new java.util.HashSet<>();

  private RunReport(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    synchronized (OPEN) {
      OPEN.add(this);
    }
  }

  /** The report of this run, made on first use. */
  static RunReport of(ExtensionContext context) {
    return context.getRoot().getStore(ClassStacks.NAMESPACE).getOrComputeIfAbsent(RunReport.class,
        key -> new RunReport(Path.of(context.getConfigurationParameter(ConfigKeys.REPORT_DIR).orElse(DEFAULT_DIR))),
        RunReport.class);
  }

  /** {@return where the stack's evidence goes when a test of this class fails} */
  Path evidenceFolder(Class<?> testClass) {
    return dir.resolve(testClass.getName()).toAbsolutePath();
  }

  /**
   * Records a class that is done with its stack; call before the lease closes (a restore changes the counters).
   *
   * @param startNanos when the class took the stack
   */
  void add(Class<?> testClass, StackLease lease, Path evidence, List<ClassRun.TestOutcome> tests, long startNanos) {
    CoreStack stack = lease.stack();
    Map<String, Long> served;
    Map<String, Long> failed;
    try {
      served = lease.served();
      failed = lease.failedResponses();
    } catch (RuntimeException e) {
      served = Map.of();
      failed = Map.of();
    }
    long endNanos = System.nanoTime();
    ClassRun run = new ClassRun(testClass.getName(), stack.id(), served, failed,
        evidence == null ? null : evidence.toString(), tests, RequestRuns.take(stack.id(), startNanos, endNanos),
        startNanos, endNanos);
    synchronized (classes) {
      classes.add(run);
      stacks.putIfAbsent(stack.id(), stack);
    }
  }

  @Override
  public void close() {
    List<ClassRun> done;
    List<StackRun> stackRuns = new ArrayList<>();
    synchronized (classes) {
      done = List.copyOf(classes);
      stacks.values().forEach(stack -> stackRuns.add(stackRun(stack)));
      stackRuns.addAll(handedIn);
    }
    stacks.keySet().forEach(RequestRuns::forget);
    RunReport outer;
    synchronized (OPEN) {
      OPEN.remove(this);
      outer = OPEN.stream().filter(open -> open.dir.equals(dir)).findFirst().orElse(null);
    }
    if (outer != null) {
      outer.handIn(stackRuns, done);
      return;
    }
    if (done.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path index = dir.resolve("index.html");
      java.util.Set<String> fixtureClasses;
      synchronized (classes) {
        fixtureClasses = java.util.Set.copyOf(fixtures);
      }
      Files.writeString(index, HtmlReport.render(stackRuns, done, fixtureClasses));
      LOG.info("lbstack: run report with {} classes on {} stacks: {}", done.size(), stackRuns.size(), index.toUri());
    } catch (IOException e) {
      LOG.warn("lbstack: could not write the run report in {}: {}", dir, e.toString());
    }
  }

  private void handIn(List<StackRun> stackRuns, List<ClassRun> runs) {
    synchronized (classes) {
      handedIn.addAll(stackRuns);
      classes.addAll(runs);
      runs.forEach(run -> fixtures.add(run.testClass()));
    }
  }

  private static StackRun stackRun(CoreStack stack) {
    Timeline timeline = stack.timeline();
    // The start ends at the stack's "ready" (or, taken up from an earlier run, its data reset); replicas started
    // later, by scaling or a rollout, are among the marks below instead.
    List<ClassRun.Step> startup = new ArrayList<>();
    for (Timeline.Mark mark : timeline.marks()) {
      startup.add(new ClassRun.Step(mark.service(), mark.phase(), mark.millis()));
      if (mark.service().equals("stack") && (mark.phase().equals("ready") || mark.phase().equals("data reset"))) {
        break;
      }
    }
    List<ClassRun.Mark> marks = timeline.events().stream()
        .map(event -> new ClassRun.Mark(event.nanos(), event.kind(), event.what())).toList();
    return new StackRun(stack.id(), stack.backend(), stack.adopted(), stack.keptForReuse(),
        timeline.startNanos(), startup, marks, stack.leftovers());
  }
}
