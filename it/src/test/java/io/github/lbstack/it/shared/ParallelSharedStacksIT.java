package io.github.lbstack.it.shared;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.Leftovers;
import io.github.lbstack.traffic.Traffic;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution, 4 classes of one shared definition take turns on their stack (never two at
 * once), while 2 classes with stacks of their own run alongside them.
 */
class ParallelSharedStacksIT {

  /**
   * A class's run, from JUnit's "started" to its "finished" event: stack start (or lease), tests, and the store's
   * close, where a shared stack is restored. That is the span in which no other class may use the stack.
   */
  record Window(String stackId, Instant start, Instant end) {
    boolean overlaps(Window other) {
      return start.isBefore(other.end) && other.start.isBefore(end);
    }
  }

  static final Map<String, String> stackIds = new ConcurrentHashMap<>();

  static void record(Class<?> testClass, RunningStack stack) {
    stackIds.put(testClass.getSimpleName(), stack.id());
  }

  private static Map<String, Window> windows(EngineExecutionResults results) {
    Map<String, Instant> starts = new ConcurrentHashMap<>();
    Map<String, Window> windows = new ConcurrentHashMap<>();
    for (Event event : results.containerEvents().list()) {
      var source = event.getTestDescriptor().getSource();
      if (source.isEmpty() || !(source.get() instanceof ClassSource classSource)) {
        continue;
      }
      String name = classSource.getJavaClass().getSimpleName();
      if (event.getType() == EventType.STARTED) {
        starts.put(name, event.getTimestamp());
      } else if (event.getType() == EventType.FINISHED) {
        windows.put(name, new Window(stackIds.get(name), starts.get(name), event.getTimestamp()));
      }
    }
    return windows;
  }

  @Test
  void sharedClassesNeverOverlapWhileOthersRunInParallel() {
    EngineExecutionResults results = ItImages.engine()
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .selectors(selectClass(Shared1TestCase.class), selectClass(Shared2TestCase.class),
            selectClass(Shared3TestCase.class), selectClass(Shared4TestCase.class),
            selectClass(OwnStack1TestCase.class), selectClass(OwnStack2TestCase.class))
        .execute();

    ItRuns.assertAllSucceeded(results, 6);
    Map<String, Window> windows = windows(results);
    List<Window> shared = List.of("Shared1TestCase", "Shared2TestCase", "Shared3TestCase", "Shared4TestCase")
        .stream().map(windows::get).toList();
    List<Window> own = List.of(windows.get("OwnStack1TestCase"), windows.get("OwnStack2TestCase"));

    assertThat(shared).extracting(Window::stackId).as("one stack for the shared definition").containsOnly(
        shared.get(0).stackId());
    for (int i = 0; i < shared.size(); i++) {
      for (int j = i + 1; j < shared.size(); j++) {
        assertThat(shared.get(i).overlaps(shared.get(j))).as("shared classes %d and %d overlapped", i + 1, j + 1)
            .isFalse();
      }
    }
    assertThat(own).extracting(Window::stackId).doesNotHaveDuplicates().doesNotContain(shared.get(0).stackId());
    // Without this, the check above would also pass if nothing ran in parallel at all.
    assertThat(own.stream().anyMatch(window -> shared.stream().anyMatch(window::overlaps)
        || own.stream().anyMatch(other -> other != window && other.overlaps(window))))
        .as("some classes ran at the same time: %s", windows).isTrue();
    windows.values().forEach(window -> assertThat(Leftovers.of(window.stackId())).isEmpty());
  }

  @LoadBalancedStack(shared = true, replicas = 2, web = @Web(jar = "target/it-app.jar"))
  @Retention(RetentionPolicy.RUNTIME)
  @interface ParallelShared {}

  /** A class on the shared stack: it holds the lb for a while and checks that nobody else used it meanwhile. */
  abstract static class SharedClass {
    @Test
    void hasTheLbToItself(RunningStack stack) {
      record(getClass(), stack);
      stack.scaleTo(3);
      var served = Traffic.through(stack).send(60);
      assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3").isRoundRobin();
    }
  }

  @ParallelShared
  static class Shared1TestCase extends SharedClass {}

  @ParallelShared
  static class Shared2TestCase extends SharedClass {}

  @ParallelShared
  static class Shared3TestCase extends SharedClass {}

  @ParallelShared
  static class Shared4TestCase extends SharedClass {}

  abstract static class OwnStackClass {
    @Test
    void servesOnItsOwn(RunningStack stack) {
      record(getClass(), stack);
      assertThat(Traffic.through(stack).send(4)).hasNoFailures().coversExactly("web-1");
    }
  }

  // Their stacks only serve: the lb and one replica, no data tier.
  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", healthPath = "/"))
  static class OwnStack1TestCase extends OwnStackClass {}

  /** Its jar comes from a configuration parameter, as a build would hand it in. */
  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "${it.app.jar}", healthPath = "/"))
  static class OwnStack2TestCase extends OwnStackClass {}
}
