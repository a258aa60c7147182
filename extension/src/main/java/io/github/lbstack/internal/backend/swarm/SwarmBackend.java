package io.github.lbstack.internal.backend.swarm;

import io.github.lbstack.internal.Log;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.backend.docker.EngineImages;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

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

  private final int nodePort;
  private final Map<String, DockerClient> nodeEngines = new ConcurrentHashMap<>();
  private final Set<String> imagesOnEveryNode = ConcurrentHashMap.newKeySet();
  private volatile List<Node> nodes;

  /** @param nodePort the TCP port where each node's engine answers, for drills and images */
  public SwarmBackend(int nodePort) {
    this.nodePort = nodePort;
  }

  /** A swarm node that is ready, with its own engine. */
  record Node(String id, String address, DockerClient engine) {}

  DockerClient manager() {
    return DockerClientFactory.instance().client();
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
    List<Node> known = nodes;
    if (known != null) {
      return known;
    }
    List<SwarmNode> ready;
    try {
      ready = manager().listSwarmNodesCmd().exec().stream()
          .filter(node -> node.getStatus() != null && node.getStatus().getState() == SwarmNodeState.READY).toList();
    } catch (RuntimeException e) {
      throw new BackendException("lbstack.backend=swarm needs DOCKER_HOST to point at a swarm manager, and "
          + DockerClientFactory.instance().getTransportConfig().getDockerHost() + " is not one (" + e.getMessage()
          + "). Run `docker swarm init` there, or point DOCKER_HOST at a manager.", e);
    }
    List<Node> found = new ArrayList<>();
    for (SwarmNode node : ready) {
      String address = node.getStatus().getAddress();
      found.add(new Node(node.getId(), address, engine(address)));
    }
    found.sort(Comparator.comparing(Node::address));
    if (found.isEmpty()) {
      throw new BackendException("the swarm at " + describe() + " has no node in state ready");
    }
    nodes = List.copyOf(found);
    LOG.info("lbstack: swarm with {} nodes: {}", found.size(), found.stream().map(Node::address).toList());
    return nodes;
  }

  Node node(String id) {
    return nodes().stream().filter(node -> node.id().equals(id)).findFirst()
        .orElseThrow(() -> new BackendException("swarm node " + id + " is not ready"));
  }

  private DockerClient engine(String address) {
    return nodeEngines.computeIfAbsent(address, key -> {
      URI uri = URI.create("tcp://" + address + ":" + nodePort);
      DockerClient client = DockerClientProviderStrategy.getClientForConfig(TransportConfig.builder().dockerHost(uri)
          .build());
      try {
        client.pingCmd().exec();
      } catch (RuntimeException e) {
        throw new BackendException("the engine of swarm node " + address + " does not answer at " + uri + " ("
            + e.getMessage() + "). lbstack needs each node's engine for drills and images: make it listen there, "
            + "or set lbstack.swarm.node-port to the port it listens on.", e);
      }
      return client;
    });
  }

  /**
   * Makes sure every node has the image: a node that lacks it gets it from a node that has it ({@code docker save}
   * there, {@code docker load} here); when none has it, each node pulls it.
   */
  @Override
  public void ensureImage(String image, Duration timeout) {
    if (imagesOnEveryNode.contains(image)) {
      return;
    }
    List<Node> lacking = new ArrayList<>();
    Node source = null;
    for (Node node : nodes()) {
      if (EngineImages.has(node.engine(), image)) {
        source = source == null ? node : source;
      } else {
        lacking.add(node);
      }
    }
    for (Node node : lacking) {
      if (source != null) {
        copy(image, source, node);
      } else {
        pull(node, image, timeout);
      }
    }
    imagesOnEveryNode.add(image);
  }

  private void copy(String image, Node from, Node to) {
    long start = System.nanoTime();
    try (InputStream saved = from.engine().saveImageCmd(image).exec()) {
      to.engine().loadImageCmd(saved).exec();
    } catch (java.io.IOException | RuntimeException e) {
      throw new BackendException("could not copy image " + image + " from swarm node " + from.address() + " to "
          + to.address() + ": " + e.getMessage(), e);
    }
    LOG.info("lbstack: image {} loaded into swarm node {} from {} in {} ms", image, to.address(), from.address(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void pull(Node node, String image, Duration timeout) {
    try {
      EngineImages.pull(node.engine(), image, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while pulling " + image, e);
    } catch (RuntimeException e) {
      throw new BackendException("image " + image + " is on no swarm node and could not be pulled on "
          + node.address() + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String imageId(String image) {
    Node first = nodes().get(0);
    try {
      return first.engine().inspectImageCmd(image).exec().getId();
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
    imagesOnEveryNode.remove(tag);
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
