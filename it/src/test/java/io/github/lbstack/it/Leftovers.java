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
        .filter(network -> stackId.equals(network.getLabels().get(StackLabels.STACK)))
        .map(network -> "network " + network.getName()).toList();
    return Stream.concat(containers.stream(), networks.stream()).toList();
  }
}
