package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * A Docker engine, found the way Testcontainers finds it ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties},
 * the local socket). Only the backends ({@code backend.docker} and {@code backend.swarm}) touch Testcontainers or
 * docker-java; {@code ArchitectureTest} holds them to that.
 */
public final class DockerBackend implements Backend {

  /** Whether an engine answers; asked once per JVM by Testcontainers itself. */
  @Override
  public boolean isAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @Override
  public java.util.List<String> publishHosts() {
    return java.util.List.of(org.testcontainers.DockerClientFactory.instance().dockerHostIpAddress());
  }

  @Override
  public String describe() {
    return "docker at " + DockerClientFactory.instance().getTransportConfig().getDockerHost();
  }

  @Override
  public void ensureImage(String image, Duration timeout) {
    if (EngineImages.has(docker(), image)) {
      return;
    }
    try {
      EngineImages.pull(docker(), image, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while pulling " + image, e);
    } catch (RuntimeException e) {
      throw new BackendException("image " + image + " is not present on the Docker engine and could not be pulled ("
          + e.getMessage() + ")", e);
    }
  }

  @Override
  public String buildImage(Path dockerfile, Map<String, String> buildArgs, String tag, Map<String, String> labels) {
    if (EngineImages.has(docker(), tag)) {
      return tag;
    }
    try {
      EngineImages.build(docker(), dockerfile, buildArgs, tag, labels);
    } catch (RuntimeException e) {
      throw new BackendException("could not build an image from " + dockerfile + ": " + e.getMessage()
          + ". Run `docker build -f " + dockerfile + " " + dockerfile.getParent() + "` to see the full error.", e);
    }
    return tag;
  }

  @Override
  public NetworkHandle createNetwork(String name, Map<String, String> labels) {
    DockerClient docker = docker();
    try {
      String id = docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels).exec().getId();
      return new DockerNetwork(id, name, docker);
    } catch (RuntimeException e) {
      throw new BackendException("could not create network " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Container container(ContainerSpec spec) {
    if (!(spec.network() instanceof DockerNetwork network)) {
      throw new IllegalArgumentException(spec.name() + ": the network was not made by this backend");
    }
    return new DockerContainer(spec, network, docker());
  }

  @Override
  public boolean supportsReuse() {
    return true;
  }

  @Override
  public boolean supportsExec() {
    return true;
  }

  @Override
  public boolean supportsTraining() {
    return true;
  }

  @Override
  public java.util.Optional<io.github.lbstack.internal.backend.ImageConfig> imageConfig(String image) {
    try {
      return java.util.Optional.of(EngineImages.config(docker(), image));
    } catch (NotFoundException e) {
      throw new BackendException("image " + image + " is not present on the Docker engine", e);
    }
  }

  @Override
  public boolean hasImage(String image) {
    return EngineImages.has(docker(), image);
  }

  @Override
  public boolean supportsNetworkFaults() {
    return true;
  }

  @Override
  public String imageId(String image) {
    return imageConfig(image).orElseThrow().id();
  }

  @Override
  public NetworkHandle attachNetwork(Owned network) {
    return new DockerNetwork(network.id(), network.name(), docker());
  }

  @Override
  public Container attach(ContainerSpec spec, Owned container) {
    if (!(spec.network() instanceof DockerNetwork network)) {
      throw new IllegalArgumentException(spec.name() + ": the network was not made by this backend");
    }
    return DockerContainer.attach(spec, network, docker(), container.id());
  }

  @Override
  public Map<String, String> environment(Owned container) {
    return io.github.lbstack.internal.backend.ImageConfig.env(
        docker().inspectContainerCmd(container.id()).exec().getConfig().getEnv());
  }

  @Override
  public java.util.List<Owned> owned() {
    DockerClient docker = docker();
    java.util.List<Owned> owned = new java.util.ArrayList<>();
    docker.listContainersCmd().withShowAll(true).withLabelFilter(java.util.List.of(Labels.STACK)).exec()
        .forEach(container -> owned.add(new Owned(Owned.Kind.CONTAINER, container.getId(),
            String.join(",", container.getNames()), container.getLabels())));
    docker.listNetworksCmd().exec().stream().filter(network -> network.getLabels() != null
            && network.getLabels().containsKey(Labels.STACK))
        .forEach(network -> owned.add(new Owned(Owned.Kind.NETWORK, network.getId(), network.getName(),
            network.getLabels())));
    return owned;
  }

  @Override
  public void remove(Owned owned) {
    try {
      if (owned.kind() == Owned.Kind.CONTAINER) {
        docker().removeContainerCmd(owned.id()).withForce(true).withRemoveVolumes(true).exec();
      } else {
        DockerNetwork.remove(docker(), owned.id());
      }
    } catch (NotFoundException alreadyGone) {
      // The goal is met.
    }
  }

  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }
}
