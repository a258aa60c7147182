package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
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
    retryWhileInUse(() -> manager.removeNetworkCmd(id).exec());
  }

  /**
   * Removing a service returns before its tasks' containers are gone, and until they are, its network and configs
   * are in use. They go within seconds.
   */
  static void retryWhileInUse(Runnable removal) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
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
