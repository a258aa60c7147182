package io.github.lbstack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.StackLease;
import io.github.lbstack.internal.report.ClassRun;
import io.github.lbstack.internal.report.HtmlReport;
import io.github.lbstack.internal.spec.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;

/**
 * The run's report: failure evidence per class as tests fail, and one {@code index.html} for the whole run, written
 * when the run ends (the root store closes). People would rather look at a timeline than read one.
 */
final class RunReport implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;
  static final String DEFAULT_DIR = "target/lbstack-reports";

  private final Path dir;
  private final List<ClassRun> runs = new ArrayList<>();

  private RunReport(Path dir) {
    this.dir = dir;
  }

  /** The report of this run, made on first use. */
  static RunReport of(ExtensionContext context) {
    return context.getRoot().getStore(ClassStacks.NAMESPACE).getOrComputeIfAbsent(RunReport.class,
        key -> new RunReport(Path.of(context.getConfigurationParameter(ConfigKeys.REPORT_DIR).orElse(DEFAULT_DIR))),
        RunReport.class);
  }

  /** Saves the stack's logs, lb stats, description and timeline for a failed test of this class. */
  Path saveEvidence(Class<?> testClass, CoreStack stack) throws IOException {
    Path folder = dir.resolve(testClass.getName()).toAbsolutePath();
    stack.saveEvidence(folder);
    return folder;
  }

  /** Records a class that is done with its stack; call before the lease closes (a restore changes the counters). */
  void add(Class<?> testClass, StackLease lease, boolean shared, Path evidence) {
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
    List<ClassRun.Step> steps = stack.timeline().marks().stream()
        .map(mark -> new ClassRun.Step(mark.service(), mark.phase(), mark.millis())).toList();
    synchronized (runs) {
      runs.add(new ClassRun(testClass.getName(), stack.id(), shared, steps, served, failed,
          evidence == null ? null : evidence.toString()));
    }
  }

  @Override
  public void close() {
    List<ClassRun> done;
    synchronized (runs) {
      done = List.copyOf(runs);
    }
    if (done.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path index = dir.resolve("index.html").toAbsolutePath();
      Files.writeString(index, HtmlReport.render(done));
      LOG.info("lbstack: run report with {} classes: {}", done.size(), index.toUri());
    } catch (IOException e) {
      LOG.warn("lbstack: could not write the run report in {}: {}", dir, e.toString());
    }
  }
}
