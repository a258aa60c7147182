package io.github.lbstack.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.github.lbstack.config.StackSpec;
import io.github.lbstack.config.WebSource;
import io.github.lbstack.env.WebEnvironment;
import io.github.lbstack.lb.HaproxyConfig;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** Builds (but does not start) the containers of one stack, each labelled, named and on the stack's network. */
final class StackContainers {

  static final String JAR_PATH = "/app/app.jar";

  private final String stackId;
  private final StackSpec spec;
  private final Network network;

  StackContainers(String stackId, StackSpec spec, Network network) {
    this.stackId = stackId;
    this.spec = spec;
    this.network = network;
  }

  GenericContainer<?> mysql(Credentials credentials) {
    return base("mysql", spec.images().mysql(), WebEnvironment.MYSQL_HOST, WebEnvironment.MYSQL_PORT)
        .withEnv("MYSQL_ROOT_PASSWORD", Credentials.hex(12))
        .withEnv("MYSQL_DATABASE", credentials.database())
        .withEnv("MYSQL_USER", credentials.user())
        .withEnv("MYSQL_PASSWORD", credentials.password());
  }

  GenericContainer<?> redis() {
    return base("redis", spec.images().redis(), WebEnvironment.REDIS_HOST, WebEnvironment.REDIS_PORT);
  }

  /** @param image the web image, already resolved (built, for a Dockerfile); ignored for a jar */
  GenericContainer<?> web(String hostname, String image, Map<String, String> env) {
    WebSource source = spec.web().source();
    String runImage = source instanceof WebSource.FromJar ? spec.images().jre() : image;
    GenericContainer<?> container = base(hostname, runImage, hostname, spec.web().port())
        .withEnv(env)
        // The hostname is what the app reports and what the lb names the server: one identity for both.
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(hostname));
    if (source instanceof WebSource.FromJar jar) {
      container.withCopyFileToContainer(MountableFile.forHostPath(jar.jar()), JAR_PATH)
          .withCommand("java", "-jar", JAR_PATH);
    }
    return container;
  }

  GenericContainer<?> lb(String haproxyConfig) {
    GenericContainer<?> lb = base("lb", spec.images().haproxy(), "lb", HaproxyConfig.HTTP_PORT)
        .withCopyToContainer(Transferable.of(haproxyConfig, 0644), HaproxyConfig.CONFIG_PATH);
    bindToLoopback(lb, HaproxyConfig.HTTP_PORT, HaproxyConfig.STATS_PORT, HaproxyConfig.RUNTIME_API_PORT);
    return lb;
  }

  private GenericContainer<?> base(String service, String image, String alias, int port) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withNetwork(network)
        .withNetworkAliases(alias)
        .withLabels(Labels.of(stackId, service))
        .withCreateContainerCmdModifier(cmd -> cmd.withName("lbstack-" + stackId + "-" + service))
        .waitingFor(new NoWait());
    bindToLoopback(container, port);
    return container;
  }

  /** Publishes ports on 127.0.0.1 only, on random host ports: a test stack is nobody else's business. */
  private static void bindToLoopback(GenericContainer<?> container, Integer... ports) {
    container.withExposedPorts(ports);
    container.setPortBindings(List.of(ports).stream().map(port -> "127.0.0.1::" + port).toList());
    container.withCreateContainerCmdModifier(StackContainers::noPublishAll);
  }

  private static void noPublishAll(CreateContainerCmd cmd) {
    if (cmd.getHostConfig() != null) {
      cmd.getHostConfig().withPublishAllPorts(false);
    }
  }
}
