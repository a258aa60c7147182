package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pausing a container, which an engine on a machine with every core busy sometimes refuses once: runc freezes the
 * container's cgroup, gives up when a task does not stop in time ("OCI runtime pause failed: unable to freeze"), and
 * leaves it running. Seen in CI while a stack parked its warm spare; a later try finds the tasks settled.
 */
public final class EnginePause {

  private static final Logger LOG = LoggerFactory.getLogger(EnginePause.class);
  private static final int ATTEMPTS = 5;

  private EnginePause() {}

  /** Pauses {@code containerId}, trying again while the engine says it could not freeze it. */
  public static void pause(DockerClient engine, String containerId) {
    for (int attempt = 1; ; attempt++) {
      try {
        engine.pauseContainerCmd(containerId).exec();
        return;
      } catch (DockerException e) {
        if (attempt == ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("unable to freeze")) {
          throw e;
        }
        LOG.debug("lbstack: the engine could not freeze {} (try {} of {}), trying again", containerId, attempt,
            ATTEMPTS);
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
