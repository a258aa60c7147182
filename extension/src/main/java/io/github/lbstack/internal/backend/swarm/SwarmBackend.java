package io.github.lbstack.internal.backend.swarm;

import io.github.lbstack.internal.Log;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.backend.docker.EngineImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * A Docker Swarm cluster: {@code DOCKER_HOST} points at a manager, every container of a stack is a one-task service
 * on an attachable overlay network, and the web replicas are placed on the nodes in turn. What Swarm's API cannot
 * do (kill or pause one task's container, load an image into a node) goes to that node's own engine, at
 * {@code tcp://<node address>:<node port>}.
 *
 * <p>Swarm's routing mesh and service VIPs need IPVS, which not every host has; lbstack uses neither. Services
 * resolve each other by DNS round robin on their alias, and ports are published in host mode on the node that
 * runs the task.
 */
public final class SwarmBackend implements Backend {

  private static final Logger LOG = Log.LBSTACK;

  private final SwarmNodes nodes;
  private final NodeImages images;

  /** @param nodePort the TCP port where each node's engine answers, for drills and images */
  public SwarmBackend(int nodePort) {
    this.nodes = new SwarmNodes(nodePort, this::manager, this::describe);
    this.images = new NodeImages(this::nodes);
  }

  /** A swarm node that is ready, with its own engine. */
  record Node(String id, String address, DockerClient engine) {}

  DockerClient manager() {
    return DockerClientFactory.instance().client();
  }

  /** Every node's: a service's ports are published on the node its task runs on. */
  @Override
  public List<String> publishHosts() {
    return nodes().stream().map(Node::address).toList();
  }

  @Override
  public String describe() {
    return "swarm at " + DockerClientFactory.instance().getTransportConfig().getDockerHost();
  }

  @Override
  public boolean isAvailable() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return false;
    }
    try {
      manager().inspectSwarmCmd().exec();
      return true;
    } catch (RuntimeException notAManager) {
      return false;
    }
  }

  /**
   * The ready nodes, in a stable order (by address), each with a client of its engine.
   *
   * @throws BackendException when DOCKER_HOST is no swarm manager or a node's engine does not answer
   */
  List<Node> nodes() {
    return nodes.ready();
  }

  Node node(String id) {
    return nodes.node(id);
  }

  /** Every node has the image afterwards; see {@link NodeImages}. */
  @Override
  public boolean supportsNetworkFaults() {
    return true;
  }

  @Override
  public void ensureImage(String image, Duration timeout) {
    images.ensure(image, timeout);
  }

  @Override
  public String imageId(String image) {
    return imageConfig(image).orElseThrow().id();
  }

  /** As the first node has it; {@link #buildImage} builds there and hands the image to the others. */
  @Override
  public java.util.Optional<io.github.lbstack.internal.backend.ImageConfig> imageConfig(String image) {
    Node first = nodes().get(0);
    try {
      return java.util.Optional.of(EngineImages.config(first.engine(), image));
    } catch (NotFoundException e) {
      throw new BackendException("image " + image + " is not present on swarm node " + first.address(), e);
    }
  }

  /** Builds on the first node, then hands the image to the others. */
  @Override
  public String buildImage(Path dockerfile, Map<String, String> buildArgs, String tag, Map<String, String> labels) {
    Node builder = nodes().get(0);
    if (!EngineImages.has(builder.engine(), tag)) {
      try {
        EngineImages.build(builder.engine(), dockerfile, buildArgs, tag, labels);
      } catch (RuntimeException e) {
        throw new BackendException("could not build an image from " + dockerfile + " on swarm node "
            + builder.address() + ": " + e.getMessage(), e);
      }
    }
    images.forget(tag);
    ensureImage(tag, Duration.ofMinutes(10));
    return tag;
  }

  @Override
  public NetworkHandle createNetwork(String name, Map<String, String> labels) {
    try {
      String id = manager().createNetworkCmd().withName(name).withDriver("overlay").withAttachable(true)
          .withLabels(labels).exec().getId();
      return new SwarmNetwork(id, name, manager());
    } catch (RuntimeException e) {
      throw new BackendException("could not create overlay network " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Container container(ContainerSpec spec) {
    if (!(spec.network() instanceof SwarmNetwork network)) {
      throw new IllegalArgumentException(spec.name() + ": the network was not made by this backend");
    }
    return new SwarmService(spec, network, this, placement(spec));
  }

  /**
   * Web replicas go to the nodes in turn by index ({@code web-1} on the first, {@code web-2} on the second...), so a
   * stack's replicas spread over the cluster and a replica that restarts stays where it was. The lb, MySQL and Redis
   * go to the first node.
   */
  private Node placement(ContainerSpec spec) {
    List<Node> all = nodes();
    String service = spec.labels().getOrDefault(Labels.SERVICE, "");
    if (service.startsWith("web-")) {
      int index = Integer.parseInt(service.substring("web-".length()));
      return all.get((index - 1) % all.size());
    }
    return all.get(0);
  }

  @Override
  public List<Owned> owned() {
    DockerClient manager = manager();
    List<Owned> owned = new ArrayList<>();
    manager.listServicesCmd().exec().stream()
        .filter(service -> service.getSpec().getLabels() != null
            && service.getSpec().getLabels().containsKey(Labels.STACK))
        .forEach(service -> owned.add(new Owned(Owned.Kind.CONTAINER, service.getId(), service.getSpec().getName(),
            service.getSpec().getLabels())));
    // docker-java's config model has no labels: the engine filters by label, and the name says the stack.
    manager.listConfigsCmd().withFilters(Map.of("label", List.of(Labels.STACK))).exec().stream()
        .filter(config -> config.getSpec().getName().startsWith("lbstack-"))
        .forEach(config -> owned.add(new Owned(Owned.Kind.CONFIG, config.getId(), config.getSpec().getName(),
            Map.of(Labels.STACK, config.getSpec().getName().split("-")[1]))));
    manager.listNetworksCmd().exec().stream()
        .filter(network -> network.getLabels() != null && network.getLabels().containsKey(Labels.STACK))
        .forEach(network -> owned.add(new Owned(Owned.Kind.NETWORK, network.getId(), network.getName(),
            network.getLabels())));
    return owned;
  }

  @Override
  public void remove(Owned owned) {
    try {
      switch (owned.kind()) {
        case CONTAINER -> manager().removeServiceCmd(owned.id()).exec();
        case CONFIG -> removeOnceFree(() -> manager().removeConfigCmd(owned.id()).exec());
        case NETWORK -> removeOnceFree(() -> manager().removeNetworkCmd(owned.id()).exec());
      }
    } catch (NotFoundException alreadyGone) {
      // The goal is met.
    }
  }

  private static BackendException noReuse() {
    return new BackendException("stacks are not kept for reuse on the swarm backend (lbstack.reuse is for a "
        + "developer's local engine)");
  }

  @Override
  public NetworkHandle attachNetwork(Owned network) {
    throw noReuse();
  }

  @Override
  public Container attach(ContainerSpec spec, Owned container) {
    throw noReuse();
  }

  @Override
  public Map<String, String> environment(Owned container) {
    throw noReuse();
  }

  /**
   * Removing a service returns before its tasks' containers are gone, and until they are, its network and configs
   * are in use. They go within seconds.
   */
  static void removeOnceFree(Runnable removal) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        removal.run();
        return;
      } catch (NotFoundException alreadyGone) {
        return;
      } catch (RuntimeException inUse) {
        if (System.nanoTime() > deadline) {
          throw inUse;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw inUse;
        }
      }
    }
  }
}
