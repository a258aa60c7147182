package io.github.lbstack.it.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import com.github.dockerjava.api.DockerClient;
import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.StackLabels;
import io.github.lbstack.StackStartupException;
import io.github.lbstack.it.ItImages;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;

/** After a class, green or red, and after a stack that never got ready, nothing of the stack is left in Docker. */
class CleanupIT {

  private static final DockerClient DOCKER = DockerClientFactory.instance().client();

  static volatile String lastStackId;
  static volatile String attached;
  static volatile String attachedTo;

  @org.junit.jupiter.api.BeforeEach
  void noStackSeenYet() {
    lastStackId = null;
  }

  private static List<String> leftovers(String stackId) {
    Map<String, String> label = Map.of(StackLabels.STACK, stackId);
    List<String> containers = DOCKER.listContainersCmd().withShowAll(true).withLabelFilter(label).exec().stream()
        .map(container -> "container " + String.join(",", container.getNames())).toList();
    List<String> networks = DOCKER.listNetworksCmd().exec().stream()
        .filter(network -> stackId.equals(network.getLabels().get(StackLabels.STACK)))
        .map(network -> "network " + network.getName()).toList();
    return java.util.stream.Stream.concat(containers.stream(), networks.stream()).toList();
  }

  /** The failure of the fixture class whose stack did not start. */
  private static Throwable startFailure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream()
        .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(result -> result.getThrowable().orElseThrow()).findFirst().orElseThrow();
  }

  /** Nothing is left in Docker of the stack that the start-up report names. */
  private static void assertNothingLeftOf(Throwable startFailure) {
    Matcher id = Pattern.compile("lbstack stack (\\w+) ").matcher(startFailure.getMessage());
    assertThat(id.find()).as("the report names its stack").isTrue();
    assertThat(leftovers(id.group(1))).isEmpty();
  }

  private static EngineExecutionResults run(Class<?> fixture, String startupTimeout) {
    return ItImages.engine().configurationParameter(LoadBalancedStack.STARTUP_TIMEOUT_PROPERTY, startupTimeout)
        .selectors(selectClass(fixture)).execute();
  }

  @Test
  void aFailingClassLeavesNothingBehind() throws java.io.IOException {
    EngineExecutionResults results = run(FailingTestCase.class, "120");

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(lastStackId).as("the fixture saw its stack").isNotNull();
    Throwable failure = results.testEvents().failed().stream()
        .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(result -> result.getThrowable().orElseThrow()).findFirst().orElseThrow();
    java.nio.file.Path evidence = java.nio.file.Path.of("target/lbstack-reports", FailingTestCase.class.getName())
        .toAbsolutePath();
    assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).singleElement().asString()
        .startsWith("lbstack saved the stack's logs, lb stats, description and start-up timeline in " + evidence
            + "\nthe lb's view of each replica when the test failed:\n")
        .endsWith(java.nio.file.Files.readString(evidence.resolve("lb-stats.txt"))).containsPattern("\\nweb-1 +UP");
    assertThat(evidence.resolve("web-1.log")).content().contains("it-app listening on 8080 as web-1");
    assertThat(leftovers(lastStackId)).isEmpty();
  }

  /**
   * A container someone attached to the stack's network, or an endpoint dockerd kept for a container it already
   * removed (seen after a rolling deploy), made the network's removal fail with "has active endpoints": the class
   * failed at its close and the network outlived the run.
   */
  @Test
  void aContainerAttachedByHandDoesNotKeepTheNetworkAliveNorFailTheClass() {
    attached = null;
    try {
      EngineExecutionResults results = run(AttachedByHandTestCase.class, "120");

      results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
      assertThat(attached).as("the fixture attached its container").isNotNull();
      assertThat(leftovers(lastStackId)).isEmpty();
      var state = DOCKER.inspectContainerCmd(attached).exec();
      assertThat(state.getState().getRunning()).as("the attached container is not ours to stop").isTrue();
      assertThat(state.getNetworkSettings().getNetworks()).as("its networks").doesNotContainKey(attachedTo);
    } finally {
      if (attached != null) {
        DOCKER.removeContainerCmd(attached).withForce(true).exec();
      }
    }
  }

  @Test
  void aStackThatNeverGetsReadyNamesTheServiceWithItsLogAndLeavesNothingBehind() {
    EngineExecutionResults results = run(NeverHealthyTestCase.class, "PT20S");

    results.containerEvents().assertThatEvents().haveExactly(1,
        event(container(NeverHealthyTestCase.class), finishedWithFailure(instanceOf(StackStartupException.class))));
    Throwable failure = startFailure(results);
    assertThat(failure.getMessage())
        .contains("did not become ready within its timeout of 20 s. Not ready:")
        .contains("- web-1: GET /no-such-health answered 404")
        .contains("- lb: servers not UP: web-1=DOWN")
        .contains("last log lines:")
        .contains("it-app listening on 8080 as web-1")
        .contains("raise lbstack.startup.timeout");
    assertNothingLeftOf(failure);
  }

  @Test
  void anAppThatExitsAtStartIsReportedAsExitedEveryReplicaOfItWithoutTimeoutAdvice() {
    EngineExecutionResults results = run(CrashingAppTestCase.class, "120");

    Throwable failure = startFailure(results);
    assertThat(failure).isInstanceOf(StackStartupException.class);
    assertThat(failure.getMessage())
        .matches("(?s)lbstack stack \\w+ failed to start after [0-9.]+ s: web-\\d: container exited with code 1"
            + "[^\\n]*\\. Not ready:.*")
        .contains("- web-1: container exited with code 1", "- web-2: container exited with code 1")
        .contains("NumberFormatException")
        .doesNotContain("raise lbstack.startup.timeout");
    assertNothingLeftOf(failure);
  }

  @Test
  void aReplicaThatCrashesWhileTheOtherGetsReadyIsTheOnlyOneReported() {
    EngineExecutionResults results = run(OneReplicaCrashesTestCase.class, "120");

    Throwable failure = startFailure(results);
    assertThat(failure).isInstanceOf(StackStartupException.class);
    assertThat(failure.getMessage())
        .matches("(?s)lbstack stack \\w+ failed to start after [0-9.]+ s: web-1: container exited with code 1"
            + "[^\\n]*\\. Not ready:.*")
        .contains("- web-1: container exited with code 1", "CRASH_HOST=web-1")
        .as("web-2 got ready, so the crash was web-1's own").doesNotContain("web-2");
    assertNothingLeftOf(failure);
  }

  @Test
  void anImageThatCannotBeHadIsNamedWithItsOverrideBeforeAnyContainerStarts() {
    EngineExecutionResults results = ItImages.engine()
        .configurationParameter(LoadBalancedStack.REDIS_IMAGE_PROPERTY, "lbstack-no-such-image/redis:0")
        .selectors(selectClass(FailingTestCase.class)).execute();

    Throwable failure = startFailure(results);
    assertThat(failure).isInstanceOf(StackStartupException.class);
    assertThat(failure.getMessage()).matches("(?s)lbstack \\w+: image lbstack-no-such-image/redis:0 is not present on "
        + "the Docker engine and could not be pulled \\(.*\\)\\. Pull or build it, or point the matching "
        + "lbstack.image.\\* configuration parameter at an image the engine has \\(see README, Images\\)\\.");
    assertThat(lastStackId).as("no test ran").isNull();
  }

  @Test
  void aPortTheAppDoesNotListenOnIsNamedInTheReport() {
    EngineExecutionResults results = run(WrongPortTestCase.class, "PT20S");

    Throwable failure = startFailure(results);
    assertThat(failure.getMessage()).contains("- web-1: nothing answered HTTP on container port 9090 (")
        .contains("is @Web(port) the port it listens on?");
    assertNothingLeftOf(failure);
  }

  /**
   * The replica is all the stack has, so it starts at once and the report names what it answered: the timeout is the
   * subject, and a replica waiting for a database would not have started at all on a slow machine.
   */
  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", port = 9090))
  static class WrongPortTestCase {
    @Test
    void neverRuns() {
      throw new AssertionError("the stack never became ready, so no test may run");
    }
  }

  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", healthPath = "/"))
  static class AttachedByHandTestCase {
    @Test
    void attachesAContainerOfItsOwnToTheStacksNetwork(RunningStack stack) {
      lastStackId = stack.id();
      var network = DOCKER.listNetworksCmd().exec().stream()
          .filter(candidate -> candidate.getLabels() != null
              && stack.id().equals(candidate.getLabels().get(StackLabels.STACK)))
          .findFirst().orElseThrow();
      attachedTo = network.getName();
      attached = DOCKER.createContainerCmd(ItImages.redis()).withLabels(Map.of("io.github.lbstack.it", "CleanupIT"))
          .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode(network.getId()))
          .exec().getId();
      DOCKER.startContainerCmd(attached).exec();
    }
  }

  /** PORT=oops makes the app's main throw at once, as an app with a broken configuration would. */
  @LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar", env = "PORT=oops"))
  static class CrashingAppTestCase {
    @Test
    void neverRuns() {
      throw new AssertionError("the stack never became ready, so no test may run");
    }
  }

  /** Only web-1 crashes; web-2 starts as usual. */
  @LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar", env = "CRASH_HOST=web-1", healthPath = "/"),
      database = Database.NONE, redis = false)
  static class OneReplicaCrashesTestCase {
    @Test
    void neverRuns() {
      throw new AssertionError("the stack never became ready, so no test may run");
    }
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar"))
  static class FailingTestCase {
    @Test
    void fails(RunningStack stack) {
      lastStackId = stack.id();
      assertThat(stack.replicas()).as("deliberately wrong").hasSize(2);
    }
  }

  /** As {@link WrongPortTestCase}: only the replica, so that it has answered its health check when time runs out. */
  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", healthPath = "/no-such-health"))
  static class NeverHealthyTestCase {
    @Test
    void neverRuns() {
      throw new AssertionError("the stack never became ready, so no test may run");
    }
  }
}
