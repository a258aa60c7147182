package io.github.lbstack.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.github.lbstack.StackLabels;
import io.github.lbstack.it.ChildJvms;
import io.github.lbstack.it.ChildJvms.Holder;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.leak.HoldStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.DockerClientFactory;

/**
 * The leak sweep covers the swarm: a JVM killed with -9 leaves its services, config and network on the cluster,
 * and the next run removes them before it starts its own stack.
 */
@EnabledIfSystemProperty(named = "lbstack.backend", matches = "swarm")
class SwarmLeakSweepIT {

  private static final DockerClient MANAGER = DockerClientFactory.instance().client();

  /** What the swarm holds of a stack, found by label as a person would with {@code docker service ls}. */
  private static List<String> leftovers(String stackId) {
    List<String> found = new ArrayList<>();
    MANAGER.listServicesCmd().withLabelFilter(Map.of(StackLabels.STACK, stackId)).exec()
        .forEach(service -> found.add("service " + service.getSpec().getName()));
    MANAGER.listConfigsCmd().withFilters(Map.of("label", List.of(StackLabels.STACK + "=" + stackId))).exec()
        .forEach(config -> found.add("config " + config.getSpec().getName()));
    MANAGER.listNetworksCmd().exec().stream()
        .filter(network -> network.getLabels() != null && stackId.equals(network.getLabels().get(StackLabels.STACK)))
        .forEach(network -> found.add("network " + network.getName()));
    return found;
  }

  @Test
  void aKilledJvmsStackIsRemovedFromTheSwarmByTheNextRun() throws Exception {
    Holder killed = ChildJvms.hold(HoldStack.class, System.getProperty(ItImages.APP_JAR_PROPERTY));
    killed.process().destroyForcibly();
    assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> left = leftovers(killed.stackId());
    System.out.println("left on the swarm by a JVM killed with -9: " + left);
    assertThat(left).as("lb, mysql, redis, web-1, the lb's config, the network").hasSize(6);

    Holder next = ChildJvms.hold(HoldStack.class, System.getProperty(ItImages.APP_JAR_PROPERTY));
    try {
      // Services go at once; the manager lists their network and config until their tasks are gone.
      Awaitility.await("the killed JVM's stack removed").atMost(java.time.Duration.ofSeconds(60))
          .until(() -> leftovers(killed.stackId()).isEmpty());
      assertThat(leftovers(next.stackId())).as("the live JVM's stack").isNotEmpty();
    } finally {
      next.process().destroy();
      assertThat(next.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
      Awaitility.await("removed by its JVM's shutdown hook").atMost(java.time.Duration.ofSeconds(60))
          .until(() -> leftovers(next.stackId()).isEmpty());
    }
  }
}
