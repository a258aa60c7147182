package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.backend.Endpoint;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** A container on a Docker engine, through Testcontainers' {@link GenericContainer} and docker-java. */
final class DockerContainer implements Container {

  private final ContainerSpec spec;
  private final DockerNetwork network;
  private final DockerClient docker;
  private final GenericContainer<?> container;

  DockerContainer(ContainerSpec spec, DockerNetwork network, DockerClient docker) {
    this.spec = spec;
    this.network = network;
    this.docker = docker;
    this.container = build(spec, network);
  }

  private static GenericContainer<?> build(ContainerSpec spec, DockerNetwork network) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
        .withNetwork(network.network())
        .withNetworkAliases(spec.alias())
        .withLabels(spec.labels())
        .withEnv(spec.env())
        .withCreateContainerCmdModifier(cmd -> cmd.withName(spec.name()))
        .waitingFor(new NoWait());
    if (!spec.hostname().isEmpty()) {
      container.withCreateContainerCmdModifier(cmd -> cmd.withHostName(spec.hostname()));
    }
    if (!spec.command().isEmpty()) {
      container.withCommand(spec.command().toArray(String[]::new));
    }
    // Sent through the Docker API as archives, never bind-mounted, so they reach a remote engine too.
    spec.textFiles().forEach((path, text) -> container.withCopyToContainer(Transferable.of(text, 0644), path));
    spec.hostFiles().forEach((path, file) -> container.withCopyFileToContainer(MountableFile.forHostPath(file), path));
    if (!spec.tmpfs().isEmpty()) {
      container.withTmpFs(spec.tmpfs());
    }
    publish(container, PublishAddress.get(), spec.ports().toArray(Integer[]::new));
    return container;
  }

  /** Publishes ports on random host ports at one bind address; see {@link PublishAddress}. */
  private static void publish(GenericContainer<?> container, String address, Integer... ports) {
    container.withExposedPorts(ports);
    container.setPortBindings(java.util.Arrays.stream(ports).map(port -> address + "::" + port).toList());
    container.withCreateContainerCmdModifier(DockerContainer::noPublishAll);
  }

  private static void noPublishAll(CreateContainerCmd cmd) {
    if (cmd.getHostConfig() != null) {
      cmd.getHostConfig().withPublishAllPorts(false);
    }
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void start() {
    container.start();
  }

  @Override
  public Endpoint endpoint(int containerPort) {
    return new Endpoint(container.getHost(), container.getMappedPort(containerPort));
  }

  @Override
  public Endpoint liveEndpoint(int containerPort) {
    Ports.Binding[] bindings = inspect().getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException(spec.name() + " has no published port " + containerPort
          + " (is it running?)");
    }
    return new Endpoint(container.getHost(), Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  @Override
  public ContainerState state() {
    if (container.getContainerId() == null) {
      return new ContainerState(ContainerState.Status.CREATED, null, false);
    }
    InspectContainerResponse info;
    try {
      info = inspect();
    } catch (NotFoundException e) {
      return new ContainerState(ContainerState.Status.MISSING, null, false);
    }
    InspectContainerResponse.ContainerState state = info.getState();
    boolean connected = info.getNetworkSettings().getNetworks().values().stream()
        .anyMatch(attached -> network.id().equals(attached.getNetworkID()));
    ContainerState.Status status = Boolean.TRUE.equals(state.getPaused()) ? ContainerState.Status.PAUSED
        : Boolean.TRUE.equals(state.getRunning()) ? ContainerState.Status.RUNNING
        : "created".equals(state.getStatus()) ? ContainerState.Status.CREATED : ContainerState.Status.EXITED;
    return new ContainerState(status, status == ContainerState.Status.EXITED ? state.getExitCodeLong() : null,
        connected);
  }

  @Override
  public String logs() {
    return container.getContainerId() == null ? "" : container.getLogs();
  }

  @Override
  public void kill() {
    docker.killContainerCmd(id()).exec();
  }

  @Override
  public void stop(Duration grace) {
    docker.stopContainerCmd(id()).withTimeout((int) grace.toSeconds()).exec();
  }

  @Override
  public void restart(Duration grace) {
    docker.restartContainerCmd(id()).withTimeout((int) grace.toSeconds()).exec();
  }

  @Override
  public void startAgain() {
    docker.startContainerCmd(id()).exec();
  }

  @Override
  public void pause() {
    docker.pauseContainerCmd(id()).exec();
  }

  @Override
  public void unpause() {
    docker.unpauseContainerCmd(id()).exec();
  }

  @Override
  public void disconnect() {
    docker.disconnectFromNetworkCmd().withContainerId(id()).withNetworkId(network.id()).withForce(true).exec();
  }

  @Override
  public void reconnect() {
    // The alias is what the others resolve; without it the container would be back on the network, unreachable.
    docker.connectToNetworkCmd().withContainerId(id()).withNetworkId(network.id())
        .withContainerNetwork(new ContainerNetwork().withAliases(spec.alias())).exec();
  }

  @Override
  public void close() {
    try {
      // Kills and removes the container; a no-op when it was never created.
      container.stop();
    } catch (NotFoundException alreadyGone) {
      // Removed by someone else first (a shutdown hook, or a person): the goal is met.
    }
  }

  private InspectContainerResponse inspect() {
    return docker.inspectContainerCmd(id()).exec();
  }

  private String id() {
    String id = container.getContainerId();
    if (id == null) {
      throw new IllegalStateException(spec.name() + " was never started");
    }
    return id;
  }

  @Override
  public String toString() {
    return spec.name();
  }
}
