package io.github.lbstack.docker;

import java.util.List;
import org.testcontainers.containers.GenericContainer;

/** One container of a stack, with the check that tells when it is ready for use. */
final class Service implements AutoCloseable {

  /** Throws, with a message that says why, while the service is not ready. */
  @FunctionalInterface
  interface ReadinessCheck {
    void check() throws Exception;
  }

  private final String name;
  private final GenericContainer<?> container;
  private volatile ReadinessCheck check = () -> {};

  Service(String name, GenericContainer<?> container) {
    this.name = name;
    this.container = container;
  }

  String name() {
    return name;
  }

  GenericContainer<?> container() {
    return container;
  }

  ReadinessCheck check() {
    return check;
  }

  /** The check can only be built once the container runs, because it needs the mapped ports. */
  void readyWhen(ReadinessCheck check) {
    this.check = check;
  }

  /**
   * Address of a published port, as Testcontainers saw it at start. Cheap (no Docker call), so readiness polls use
   * it; it is stale after a drill restarts the container, which is why replicas read theirs live.
   */
  java.net.URI hostUri(int containerPort) {
    return java.net.URI.create("http://" + container.getHost() + ":" + container.getMappedPort(containerPort));
  }

  String logs() {
    return container.getContainerId() == null ? "" : container.getLogs();
  }

  String logTail(int lines) {
    List<String> all = logs().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() {
    try {
      // Kills and removes the container; a no-op when it was never created.
      container.stop();
    } catch (com.github.dockerjava.api.exception.NotFoundException alreadyGone) {
      // Removed by someone else first (Testcontainers' own shutdown hook, or a person): the goal is met.
    }
  }
}
