package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.lbstack.internal.backend.NetworkHandle;

/** A stack's bridge network on a Docker engine: made for it, or one an earlier run left for reuse. */
final class DockerNetwork implements NetworkHandle {

  private final String id;
  private final String name;
  private final DockerClient docker;

  DockerNetwork(String id, String name, DockerClient docker) {
    this.id = id;
    this.name = name;
    this.docker = docker;
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
    try {
      docker.removeNetworkCmd(id).exec();
    } catch (NotFoundException alreadyGone) {
      // The goal is met.
    }
  }
}
