package io.github.lbstack.it;

import com.github.dockerjava.api.DockerClient;
import io.github.lbstack.StackLabels;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/** What Docker still holds of a stack, found by its label the way a person would with {@code docker ps}. */
public final class Leftovers {

  private static final DockerClient DOCKER = DockerClientFactory.instance().client();

  private Leftovers() {}

  /** Each container of a stack by its service label, as {@code <container id> <state>}, such as {@code "3f2a… paused"}. */
  public static Map<String, String> containers(String stackId) {
    Map<String, String> byService = new java.util.TreeMap<>();
    DOCKER.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(StackLabels.STACK, stackId)).exec()
        .forEach(container -> byService.put(container.getLabels().get("io.github.lbstack.service"),
            container.getId() + " " + container.getState()));
    return byService;
  }

  public static List<String> of(String stackId) {
    List<String> containers = DOCKER.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(StackLabels.STACK, stackId)).exec().stream()
        .map(container -> "container " + String.join(",", container.getNames())).toList();
    List<String> networks = DOCKER.listNetworksCmd().exec().stream()
        .filter(network -> network.getLabels() != null && stackId.equals(network.getLabels().get(StackLabels.STACK)))
        .map(network -> "network " + network.getName()).toList();
    return Stream.of(containers, networks, swarmResources(stackId)).flatMap(List::stream).toList();
  }

  /** On a swarm manager (the swarm backend), a stack's services and configs too; a plain engine has none. */
  private static List<String> swarmResources(String stackId) {
    var swarm = DOCKER.infoCmd().exec().getSwarm();
    if (swarm == null || swarm.getControlAvailable() != Boolean.TRUE) {
      return List.of();
    }
    Map<String, String> label = Map.of(StackLabels.STACK, stackId);
    List<String> services = DOCKER.listServicesCmd().withLabelFilter(label).exec().stream()
        .map(service -> "service " + service.getSpec().getName()).toList();
    List<String> configs = DOCKER.listConfigsCmd().withFilters(Map.of("label", List.of(StackLabels.STACK + "=" + stackId)))
        .exec().stream().map(config -> "config " + config.getSpec().getName()).toList();
    return Stream.concat(services.stream(), configs.stream()).toList();
  }
}
