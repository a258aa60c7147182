package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.swarm.SwarmBackend.Node;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Node discovery: the swarm's ready nodes, asked of the manager once, each with a client of its own engine (drills
 * and images go to the node that runs the task).
 */
final class SwarmNodes {

  private static final Logger LOG = Log.LBSTACK;

  private final int nodePort;
  private final Supplier<DockerClient> manager;
  private final Supplier<String> describe;
  private final Map<String, DockerClient> engines = new ConcurrentHashMap<>();
  private volatile List<Node> nodes;

  /**
   * @param nodePort the TCP port where each node's engine answers
   * @param describe the swarm, for messages
   */
  SwarmNodes(int nodePort, Supplier<DockerClient> manager, Supplier<String> describe) {
    this.nodePort = nodePort;
    this.manager = manager;
    this.describe = describe;
  }

  /**
   * The ready nodes, in a stable order (by address), each with a client of its engine.
   *
   * @throws BackendException when DOCKER_HOST is no swarm manager or a node's engine does not answer
   */
  List<Node> ready() {
    List<Node> known = nodes;
    if (known != null) {
      return known;
    }
    List<SwarmNode> ready;
    try {
      ready = manager.get().listSwarmNodesCmd().exec().stream()
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
      throw new BackendException("the swarm at " + describe.get() + " has no node in state ready");
    }
    nodes = List.copyOf(found);
    LOG.info("lbstack: swarm with {} nodes: {}", found.size(), found.stream().map(Node::address).toList());
    return nodes;
  }

  Node node(String id) {
    return ready().stream().filter(node -> node.id().equals(id)).findFirst()
        .orElseThrow(() -> new BackendException("swarm node " + id + " is not ready"));
  }

  private DockerClient engine(String address) {
    return engines.computeIfAbsent(address, key -> {
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
}
