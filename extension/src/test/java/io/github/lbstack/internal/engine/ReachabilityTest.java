package io.github.lbstack.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.backend.Endpoint;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The check that tells an unreachable published port from a slow service, against real sockets on loopback. */
class ReachabilityTest {

  private final NetworkProbes probes = new NetworkProbes();

  @Test
  void passesAsSoonAsThePortAcceptsConnections() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      assertThatCode(() -> probes.awaitReachable(new Endpoint("127.0.0.1", server.getLocalPort())))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void namesTheAddressAndWhatToCheckWhenNothingAnswersThere() throws Exception {
    int closed;
    try (ServerSocket server = new ServerSocket(0)) {
      closed = server.getLocalPort();
    }
    Service redis = new Service("redis", new ClosedPortContainer(closed), 6379, ReadinessCheck.NONE);

    assertThatThrownBy(() -> new Reachability(probes, "docker at tcp://10.250.0.2:2375").accept(redis))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessageStartingWith("the test JVM cannot reach its published port 6379: cannot connect to 127.0.0.1:"
            + closed + " (ConnectException: ")
        .hasMessageEndingWith(". Waiting longer will not help. Check that DOCKER_HOST points at the engine you mean "
            + "(lbstack uses docker at tcp://10.250.0.2:2375), that TESTCONTAINERS_HOST_OVERRIDE, if set, names an "
            + "address of that engine which this machine can reach, and that no firewall blocks the engine's "
            + "published ports");
    assertThat(closed).isPositive();
  }

  /** A container whose published port is one where nothing listens. */
  private record ClosedPortContainer(int port) implements io.github.lbstack.internal.backend.Container {
    @Override public String name() { return "redis"; }
    @Override public void start() { }
    @Override public Endpoint endpoint(int containerPort) { return new Endpoint("127.0.0.1", port); }
    @Override public Endpoint liveEndpoint(int containerPort) { return endpoint(containerPort); }
    @Override public io.github.lbstack.internal.backend.ContainerState state() {
      return new io.github.lbstack.internal.backend.ContainerState(
          io.github.lbstack.internal.backend.ContainerState.Status.RUNNING, null, true);
    }
    @Override public String logs() { return ""; }
    @Override public void kill() { }
    @Override public void stop(java.time.Duration grace) { }
    @Override public void restart(java.time.Duration grace) { }
    @Override public void startAgain() { }
    @Override public void pause() { }
    @Override public void unpause() { }
    @Override public void disconnect() { }
    @Override public void reconnect() { }
    @Override public void close() { }
  }
}
