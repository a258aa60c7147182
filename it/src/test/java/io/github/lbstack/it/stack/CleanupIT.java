package io.github.lbstack.it.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import com.github.dockerjava.api.DockerClient;
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

  private static List<String> leftovers(String stackId) {
    Map<String, String> label = Map.of(StackLabels.STACK, stackId);
    List<String> containers = DOCKER.listContainersCmd().withShowAll(true).withLabelFilter(label).exec().stream()
        .map(container -> "container " + String.join(",", container.getNames())).toList();
    List<String> networks = DOCKER.listNetworksCmd().exec().stream()
        .filter(network -> stackId.equals(network.getLabels().get(StackLabels.STACK)))
        .map(network -> "network " + network.getName()).toList();
    return java.util.stream.Stream.concat(containers.stream(), networks.stream()).toList();
  }

  private static EngineExecutionResults run(Class<?> fixture, String startupTimeout) {
    lastStackId = null;
    return ItImages.engine().configurationParameter(LoadBalancedStack.STARTUP_TIMEOUT_PROPERTY, startupTimeout)
        .selectors(selectClass(fixture)).execute();
  }

  @Test
  void aFailingClassLeavesNothingBehind() {
    EngineExecutionResults results = run(FailingTestCase.class, "120");

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(lastStackId).as("the fixture saw its stack").isNotNull();
    assertThat(leftovers(lastStackId)).isEmpty();
  }

  @Test
  void aStackThatNeverGetsReadyNamesTheServiceWithItsLogAndLeavesNothingBehind() {
    EngineExecutionResults results = run(NeverHealthyTestCase.class, "PT8S");

    results.containerEvents().assertThatEvents().haveExactly(1,
        event(container(NeverHealthyTestCase.class), finishedWithFailure(instanceOf(StackStartupException.class))));
    Throwable failure = results.containerEvents().failed().stream()
        .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(result -> result.getThrowable().orElseThrow()).findFirst().orElseThrow();
    assertThat(failure.getMessage())
        .contains("did not become ready (timeout 8 s")
        .contains("- web-1: GET /no-such-health answered 404")
        .contains("- lb: servers not UP: web-1=DOWN")
        .contains("last log lines:")
        .contains("it-app listening on 8080 as web-1")
        .contains("raise lbstack.startup.timeout");
    Matcher id = Pattern.compile("lbstack stack (\\w+) did not become ready").matcher(failure.getMessage());
    assertThat(id.find()).isTrue();
    assertThat(leftovers(id.group(1))).isEmpty();
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar"))
  static class FailingTestCase {
    @Test
    void fails(RunningStack stack) {
      lastStackId = stack.id();
      assertThat(stack.replicas()).as("deliberately wrong").hasSize(2);
    }
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar", healthPath = "/no-such-health"))
  static class NeverHealthyTestCase {
    @Test
    void neverRuns() {
      throw new AssertionError("the stack never became ready, so no test may run");
    }
  }
}
