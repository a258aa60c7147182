package io.github.lbstack.it.shared;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.Leftovers;
import io.github.lbstack.traffic.Traffic;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution, 4 classes of one shared definition take turns on their stack (never two at
 * once), while 2 classes with stacks of their own run alongside them.
 */
class ParallelSharedStacksIT {

  /** When each class held its stack, on System.nanoTime()'s clock. */
  record Window(String stackId, long start, long end) {
    boolean overlaps(Window other) {
      return start < other.end && other.start < end;
    }
  }

  static final Map<String, Long> starts = new ConcurrentHashMap<>();
  static final Map<String, Window> windows = new ConcurrentHashMap<>();

  static void begin(Class<?> testClass) {
    starts.put(testClass.getSimpleName(), System.nanoTime());
  }

  static void end(Class<?> testClass, RunningStack stack) {
    windows.put(testClass.getSimpleName(), new Window(stack.id(), starts.get(testClass.getSimpleName()),
        System.nanoTime()));
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
    @BeforeAll
    static void begin(org.junit.jupiter.api.TestInfo info) {
      ParallelSharedStacksIT.begin(info.getTestClass().orElseThrow());
    }

    @Test
    void hasTheLbToItself(RunningStack stack) {
      stack.scaleTo(3);
      var served = Traffic.through(stack).sendFor(Duration.ofSeconds(1));
      assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3").isRoundRobin();
    }

    @AfterAll
    static void end(RunningStack stack, org.junit.jupiter.api.TestInfo info) {
      ParallelSharedStacksIT.end(info.getTestClass().orElseThrow(), stack);
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
    @BeforeAll
    static void begin(org.junit.jupiter.api.TestInfo info) {
      ParallelSharedStacksIT.begin(info.getTestClass().orElseThrow());
    }

    @Test
    void servesOnItsOwn(RunningStack stack) {
      assertThat(Traffic.through(stack).send(4)).hasNoFailures().coversExactly("web-1");
    }

    @AfterAll
    static void end(RunningStack stack, org.junit.jupiter.api.TestInfo info) {
      ParallelSharedStacksIT.end(info.getTestClass().orElseThrow(), stack);
    }
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar"))
  static class OwnStack1TestCase extends OwnStackClass {}

  /** Its jar comes from a configuration parameter, as a build would hand it in. */
  @LoadBalancedStack(replicas = 1, web = @Web(jar = "${it.app.jar}"))
  static class OwnStack2TestCase extends OwnStackClass {}
}
