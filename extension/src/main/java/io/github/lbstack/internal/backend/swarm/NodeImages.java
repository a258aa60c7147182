package io.github.lbstack.internal.backend.swarm;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.docker.EngineImages;
import io.github.lbstack.internal.backend.swarm.SwarmBackend.Node;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Image hand-off between nodes, with no registry: a node that lacks an image gets it from a node that has it
 * ({@code docker save} there, {@code docker load} here); when none has it, each node pulls it.
 */
final class NodeImages {

  private static final Logger LOG = Log.LBSTACK;

  private final Supplier<List<Node>> nodes;
  private final Set<String> onEveryNode = ConcurrentHashMap.newKeySet();

  NodeImages(Supplier<List<Node>> nodes) {
    this.nodes = nodes;
  }

  /** Every node has the image afterwards; asked once per image and JVM. */
  void ensure(String image, Duration timeout) {
    if (onEveryNode.contains(image)) {
      return;
    }
    List<Node> lacking = new ArrayList<>();
    Node source = null;
    for (Node node : nodes.get()) {
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
    onEveryNode.add(image);
  }

  /** The image changed (it was built again): the next {@link #ensure} checks every node afresh. */
  void forget(String image) {
    onEveryNode.remove(image);
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
}
