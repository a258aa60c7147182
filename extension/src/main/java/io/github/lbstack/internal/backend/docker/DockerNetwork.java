package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.github.lbstack.internal.backend.NetworkHandle;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stack's bridge network on a Docker engine: made for it, or one an earlier run left for reuse. */
record DockerNetwork(String id, String name, DockerClient docker) implements NetworkHandle {

  private static final Logger LOG = LoggerFactory.getLogger(DockerNetwork.class);

  @Override
  public void close() {
    remove(docker, id);
  }

  /**
   * Removes a network of ours, and first whatever is still attached to it once our containers are gone: a container
   * someone connected by hand, or an endpoint dockerd kept for a container it already removed (moby#17217, seen here
   * after a rolling deploy's force removals). Only a forced disconnect by the endpoint's name frees such a network;
   * without it the network outlives the run.
   */
  static void remove(DockerClient docker, String id) {
    try {
      docker.removeNetworkCmd(id).exec();
      return;
    } catch (NotFoundException alreadyGone) {
      return;
    } catch (DockerException e) {
      if (e.getMessage() == null || !e.getMessage().contains("active endpoints")) {
        throw e;
      }
    }
    Network network;
    try {
      network = docker.inspectNetworkCmd().withNetworkId(id).exec();
    } catch (NotFoundException alreadyGone) {
      return;
    }
    Map<String, Network.ContainerNetworkConfig> attached =
        network.getContainers() == null ? Map.of() : network.getContainers();
    for (Map.Entry<String, Network.ContainerNetworkConfig> endpoint : attached.entrySet()) {
      String endpointName = endpoint.getValue().getName();
      LOG.warn("lbstack: network {} still had {} ({}) attached after its stack's containers were removed; "
          + "disconnecting it so the network can go", network.getName(), endpointName, endpoint.getKey());
      try {
        docker.disconnectFromNetworkCmd().withNetworkId(id).withContainerId(endpointName).withForce(true).exec();
      } catch (NotFoundException alreadyGone) {
        // Left on its own in between.
      }
    }
    try {
      docker.removeNetworkCmd(id).exec();
    } catch (NotFoundException alreadyGone) {
      // The goal is met.
    }
  }
}
