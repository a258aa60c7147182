package io.github.lbstack.internal.backend.docker;

import io.github.lbstack.internal.backend.NetworkHandle;
import org.testcontainers.containers.Network;

/** A Docker bridge network made by Testcontainers, named and labelled by the engine. */
final class DockerNetwork implements NetworkHandle {

  private final String name;
  private final Network network;

  DockerNetwork(String name, Network network) {
    this.name = name;
    this.network = network;
  }

  Network network() {
    return network;
  }

  @Override
  public String id() {
    return network.getId();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    network.close();
  }
}
