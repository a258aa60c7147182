package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.backend.Container;
import java.util.List;

/**
 * One container of a stack, named as the user knows it, with the check that tells when it is ready for use.
 *
 * @param port the container port the test JVM talks to, so a start can check that it is reachable at all
 */
public record Service(String name, Container container, int port, ReadinessCheck check) implements AutoCloseable {

  public String logs() {
    return container.logs();
  }

  String logTail(int lines) {
    List<String> all = logs().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() {
    container.close();
  }
}
