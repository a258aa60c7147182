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
