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
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.LogUtils;
import org.testcontainers.utility.MountableFile;

/**
 * A container on a Docker engine, made and driven by id through docker-java, or attached to one an earlier run left
 * for reuse; both behave alike. It is not a Testcontainers {@code GenericContainer} on purpose: those carry
 * Testcontainers' session label, and its JVM hook removes everything with that label at exit, so a stack kept for
 * the next run could not survive. lbstack's own shutdown hook and leak sweep remove what it makes.
 */
final class DockerContainer implements Container {

  private final ContainerSpec spec;
  private final DockerNetwork network;
  private final DockerClient docker;
  private volatile String id;
  /** Read once at start; {@link #liveEndpoint} asks again, since a restart may change them. */
  private volatile Map<Integer, Endpoint> published = Map.of();

  DockerContainer(ContainerSpec spec, DockerNetwork network, DockerClient docker) {
    this.spec = spec;
    this.network = network;
    this.docker = docker;
  }

  static DockerContainer attach(ContainerSpec spec, DockerNetwork network, DockerClient docker, String id) {
    DockerContainer container = new DockerContainer(spec, network, docker);
    container.id = id;
    return container;
  }

  /** Creates the container as the spec says, with its files in place, without starting it. */
  private String create() {
    String address = PublishAddress.get();
    Ports bindings = new Ports();
    List<ExposedPort> exposed = new ArrayList<>();
    for (int port : spec.ports()) {
      ExposedPort tcp = ExposedPort.tcp(port);
      exposed.add(tcp);
      bindings.bind(tcp, Ports.Binding.bindIp(address));
    }
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(network.id()).withPortBindings(bindings);
    if (!spec.tmpfs().isEmpty()) {
      host.withTmpFs(spec.tmpfs());
    }
    CreateContainerCmd create = docker.createContainerCmd(spec.image())
        .withName(spec.name())
        .withLabels(spec.labels())
        .withEnv(spec.env().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList())
        .withExposedPorts(exposed)
        .withHostConfig(host)
        .withAliases(spec.alias());
    if (!spec.hostname().isEmpty()) {
      create.withHostName(spec.hostname());
    }
    if (!spec.command().isEmpty()) {
      create.withCmd(spec.command());
    }
    String created = create.exec().getId();
    id = created;
    // Sent through the Docker API as an archive, never bind-mounted, so they reach a remote engine too.
    if (!spec.textFiles().isEmpty() || !spec.hostFiles().isEmpty()) {
      docker.copyArchiveToContainerCmd(created).withTarInputStream(files()).withRemotePath("/").exec();
    }
    return created;
  }

  private java.io.InputStream files() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      spec.textFiles().forEach((path, text) -> Transferable.of(text, 0644).transferTo(tar, path));
      spec.hostFiles().forEach((path, file) -> MountableFile.forHostPath(file).transferTo(tar, path));
      tar.finish();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not pack the files of " + spec.name(), e);
    }
    return new java.io.ByteArrayInputStream(bytes.toByteArray());
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void start() {
    if (id != null) {
      throw new IllegalStateException(spec.name() + " exists already; start it again with startAgain()");
    }
    docker.startContainerCmd(create()).exec();
    // One inspect for every port: the lb has three.
    Map<ExposedPort, Ports.Binding[]> bindings = inspect().getNetworkSettings().getPorts().getBindings();
    Map<Integer, Endpoint> ports = new java.util.HashMap<>();
    for (int port : spec.ports()) {
      ports.put(port, endpoint(bindings, port));
    }
    published = Map.copyOf(ports);
  }

  @Override
  public Endpoint endpoint(int containerPort) {
    Endpoint endpoint = published.get(containerPort);
    return endpoint != null ? endpoint : liveEndpoint(containerPort);
  }

  @Override
  public Endpoint liveEndpoint(int containerPort) {
    return endpoint(inspect().getNetworkSettings().getPorts().getBindings(), containerPort);
  }

  private Endpoint endpoint(Map<ExposedPort, Ports.Binding[]> published, int containerPort) {
    Ports.Binding[] bindings = published.get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException(spec.name() + " has no published port " + containerPort
          + " (is it running?)");
    }
    return new Endpoint(host(), Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  @Override
  public ContainerState state() {
    if (id == null) {
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
    return id == null ? "" : LogUtils.getOutput(docker, id);
  }

  @Override
  public Exec exec(List<String> command, Duration timeout) {
    String exec = docker.execCreateCmd(id()).withAttachStdout(true).withAttachStderr(true)
        .withCmd(command.toArray(String[]::new)).exec().getId();
    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    try (var callback = docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
        com.github.dockerjava.api.model.Frame>() {
      @Override
      public void onNext(com.github.dockerjava.api.model.Frame frame) {
        output.writeBytes(frame.getPayload());
      }
    })) {
      if (!callback.awaitCompletion(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("'" + String.join(" ", command) + "' in " + spec.name()
            + " did not end within " + timeout.toSeconds() + " s");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "'", e);
    }
    Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
    return new Exec(code == null ? -1 : code.intValue(), output.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public Exec inNetworkNamespace(String image, List<String> command, java.util.Map<String, String> labels,
      Duration timeout) {
    return NamespaceHelper.run(docker, id(), spec.name(), image, command, labels, timeout);
  }

  @Override
  public Helper startInNetworkNamespace(String image, List<String> command, java.util.Map<String, String> labels) {
    return NamespaceHelper.start(docker, id(), spec.name(), image, command, labels);
  }

  @Override
  public void copyFileOut(String path, java.nio.file.Path target) {
    try (java.io.InputStream tar = docker.copyArchiveFromContainerCmd(id(), path).exec();
        org.apache.commons.compress.archivers.tar.TarArchiveInputStream entries =
            new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(tar)) {
      if (entries.getNextEntry() == null) {
        throw new IllegalStateException(path + " in " + spec.name() + " is empty");
      }
      java.nio.file.Files.copy(entries, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (NotFoundException e) {
      throw new IllegalStateException(path + " is not in " + spec.name(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not copy " + path + " out of " + spec.name(), e);
    }
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
    EnginePause.pause(docker, id());
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
    String created = id;
    if (created == null) {
      return;
    }
    try {
      docker.removeContainerCmd(created).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException alreadyGone) {
      // Removed by someone else first (a shutdown hook, or a person): the goal is met.
    }
  }

  private InspectContainerResponse inspect() {
    return docker.inspectContainerCmd(id()).exec();
  }

  private static String host() {
    return DockerClientFactory.instance().dockerHostIpAddress();
  }

  private String id() {
    String id = this.id;
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
