package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import io.github.lbstack.internal.backend.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.utility.LogUtils;

/**
 * A one-off helper container in another container's network namespace, with {@code NET_ADMIN}, on the engine that
 * runs that container: a Docker engine's own, or a swarm node's. It is removed whatever happens.
 */
public final class NamespaceHelper {

  private NamespaceHelper() {}

  /**
   * @param engine the engine that runs {@code containerId}
   * @param name the helper's name
   */
  public static Container.Exec run(DockerClient engine, String containerId, String name, String image,
      List<String> command, Map<String, String> labels, Duration timeout) {
    String helper = create(engine, containerId, name, image, command, labels, true);
    try {
      engine.startContainerCmd(helper).exec();
      Integer code = engine.waitContainerCmd(helper).exec(new WaitContainerResultCallback())
          .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Container.Exec(code == null ? -1 : code, LogUtils.getOutput(engine, helper));
    } catch (DockerClientException e) {
      throw new IllegalStateException("the network helper in " + name + " did not end within " + timeout.toSeconds()
          + " s: " + e.getMessage(), e);
    } finally {
      engine.removeContainerCmd(helper).withForce(true).exec();
    }
  }

  /** Starts a helper that stays until the handle is closed, without extra capabilities. */
  public static Container.Helper start(DockerClient engine, String containerId, String name, String image,
      List<String> command, Map<String, String> labels) {
    String helper = create(engine, containerId, name, image, command, labels, false);
    try {
      engine.startContainerCmd(helper).exec();
    } catch (RuntimeException e) {
      engine.removeContainerCmd(helper).withForce(true).exec();
      throw e;
    }
    return new Container.Helper() {
      @Override
      public String logs() {
        return LogUtils.getOutput(engine, helper);
      }

      @Override
      public boolean running() {
        return Boolean.TRUE.equals(engine.inspectContainerCmd(helper).exec().getState().getRunning());
      }

      @Override
      public void close() {
        try {
          engine.removeContainerCmd(helper).withForce(true).exec();
        } catch (NotFoundException e) {
          // gone already
        }
      }
    };
  }

  private static String create(DockerClient engine, String containerId, String name, String image,
      List<String> command, Map<String, String> labels, boolean netAdmin) {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode("container:" + containerId);
    return engine.createContainerCmd(image)
        .withName(name + "-netfault-" + UUID.randomUUID().toString().substring(0, 8))
        .withLabels(labels).withCmd(command.toArray(String[]::new))
        .withHostConfig(netAdmin ? host.withCapAdd(Capability.NET_ADMIN) : host)
        .exec().getId();
  }
}
