package io.github.lbstack.docker;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.github.lbstack.Replica;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** A replica of a {@link DockerStack}, with its fault drills. */
final class DockerReplica implements Replica {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");

  private final int index;
  private final Service service;
  private final int containerPort;
  private final DockerStack stack;

  DockerReplica(int index, Service service, int containerPort, DockerStack stack) {
    this.index = index;
    this.service = service;
    this.containerPort = containerPort;
    this.stack = stack;
  }

  Service service() {
    return service;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String hostname() {
    return service.name();
  }

  /** Read live: a replica that was killed and started again has a new host port. */
  @Override
  public URI uri() {
    return Probes.liveUri(service, containerPort);
  }

  @Override
  public RequestSpecification spec() {
    URI uri = uri();
    return new RequestSpecBuilder().setBaseUri("http://" + uri.getHost()).setPort(uri.getPort()).build();
  }

  @Override
  public String logs() {
    return service.logs();
  }

  @Override
  public String lbStatus() {
    return stack.stats().statuses().getOrDefault(hostname(), "missing");
  }

  @Override
  public Replica kill() {
    return drill("kill", () -> docker().killContainerCmd(containerId()).exec());
  }

  @Override
  public Replica stop() {
    return drill("stop", () -> docker().stopContainerCmd(containerId()).withTimeout(10).exec());
  }

  @Override
  public Replica start() {
    return drill("start", () -> docker().startContainerCmd(containerId()).exec());
  }

  @Override
  public Replica restart() {
    return drill("restart", () -> docker().restartContainerCmd(containerId()).withTimeout(10).exec());
  }

  @Override
  public Replica pause() {
    return drill("pause", () -> docker().pauseContainerCmd(containerId()).exec());
  }

  @Override
  public Replica unpause() {
    return drill("unpause", () -> docker().unpauseContainerCmd(containerId()).exec());
  }

  @Override
  public Replica disconnect() {
    return drill("disconnect", () -> docker().disconnectFromNetworkCmd().withContainerId(containerId())
        .withNetworkId(stack.networkId()).withForce(true).exec());
  }

  @Override
  public Replica reconnect() {
    // The alias is what the lb resolves; without it the replica would be back on the network but unreachable.
    return drill("reconnect", () -> docker().connectToNetworkCmd().withContainerId(containerId())
        .withNetworkId(stack.networkId())
        .withContainerNetwork(new ContainerNetwork().withAliases(hostname())).exec());
  }

  @Override
  public Replica awaitDown() {
    // "UP 1/2" means one check failed but the replica still serves; only DOWN, MAINT and the like are out.
    return awaitLb("out of rotation", status -> !status.startsWith("UP"));
  }

  @Override
  public Replica awaitUp() {
    return awaitLb("UP", "UP"::equals);
  }

  private Replica awaitLb(String what, Predicate<String> wanted) {
    long start = System.nanoTime();
    Duration timeout = stack.timeout();
    try {
      await(hostname() + " " + what).pollInSameThread().pollInterval(Duration.ofMillis(100)).atMost(timeout)
          .ignoreExceptions().until(this::lbStatus, wanted);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("the lb did not report " + hostname() + " " + what + " within "
          + timeout.toSeconds() + " s; it reports " + stack.stats().explainedStatuses().get(hostname()), e);
    }
    LOG.info("lbstack {}: lb reports {} {} after {} ms", stack.id(), hostname(), lbStatus(),
        (System.nanoTime() - start) / 1_000_000);
    return this;
  }

  private Replica drill(String name, Runnable action) {
    action.run();
    LOG.info("lbstack {}: {} {}", stack.id(), name, hostname());
    return this;
  }

  private String containerId() {
    return service.container().getContainerId();
  }

  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  @Override
  public String toString() {
    return hostname();
  }
}
