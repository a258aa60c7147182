package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.DockerClient;
import io.github.lbstack.internal.backend.NetworkHandle;

/** A stack's attachable overlay network on a swarm. */
final class SwarmNetwork implements NetworkHandle {

  private final String id;
  private final String name;
  private final DockerClient manager;

  SwarmNetwork(String id, String name, DockerClient manager) {
    this.id = id;
    this.name = name;
    this.manager = manager;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    SwarmBackend.removeOnceFree(() -> manager.removeNetworkCmd(id).exec());
  }
}
