package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.backend.Container;
import java.util.List;

/**
 * One container of a stack, named as the user knows it, with the check that tells when it is ready for use.
 *
 * @param port the container port the test JVM talks to, so a start can check that it is reachable at all
 * @param app what it runs: the replicas of one app share it, so that when one of them crashes at start the others
 *     are watched for the same crash ({@link ParallelStartup}); any other service is an app of its own
 */
public record Service(String name, Container container, int port, ReadinessCheck check, String app)
    implements AutoCloseable {

  /** A service that is an app of its own (the lb, a database, a user's extra service). */
  public Service(String name, Container container, int port, ReadinessCheck check) {
    this(name, container, port, check, name);
  }

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
