package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.DockerClient;
import io.github.lbstack.internal.backend.NetworkHandle;

/** A stack's attachable overlay network on a swarm. */
record SwarmNetwork(String id, String name, DockerClient manager) implements NetworkHandle {

  @Override
  public void close() {
    SwarmBackend.removeOnceFree(() -> manager.removeNetworkCmd(id).exec());
  }
}
