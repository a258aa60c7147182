package io.github.lbstack.internal.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.backend.Endpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The check that tells an unreachable engine from a service that does not listen yet. Accepting and refusing are
 * real sockets on loopback; the failures only a real network gives (no route, time-out) are raised by a connector.
 */
class ReachabilityTest {

  private static final String ENGINE = "docker at tcp://10.250.0.2:2375";

  @Test
  void aPortThatAcceptsIsListening() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      assertThat(new NetworkProbes().awaitReachable(new Endpoint("127.0.0.1", server.getLocalPort())))
          .isEqualTo(Probes.Reach.LISTENING);
    }
  }

  @Test
  void aRefusedPortIsAServiceNotListeningYetWhichTheReadinessCheckWaitsFor() throws Exception {
    int closed = closedPort();

    assertThat(new NetworkProbes().awaitReachable(new Endpoint("127.0.0.1", closed)))
        .isEqualTo(Probes.Reach.NOT_LISTENING_YET);
    assertThatCode(() -> new Reachability(new NetworkProbes(), ENGINE).accept(service(closed)))
        .doesNotThrowAnyException();
  }

  @Test
  void noRouteToTheEngineFailsFastNamingTheAddressAndWhatToCheck() {
    NetworkProbes probes = new NetworkProbes(failing(new NoRouteToHostException("No route to host")), Duration.ZERO);

    assertThatThrownBy(() -> new Reachability(probes, ENGINE).accept(service(32806)))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage("the test JVM cannot reach its published port 6379: cannot connect to 127.0.0.1:32806 "
            + "(NoRouteToHostException: No route to host). Waiting longer will not help. Check that DOCKER_HOST points "
            + "at the engine you mean (lbstack uses docker at tcp://10.250.0.2:2375), that "
            + "TESTCONTAINERS_HOST_OVERRIDE, if set, names an address of that engine which this machine can reach, and "
            + "that no firewall blocks the engine's published ports");
  }

  @Test
  void aTimedOutOrUnroutedConnectIsUnreachableAndARefusalIsNot() {
    assertThat(NetworkProbes.isRefused(new ConnectException("Connection refused"))).isTrue();
    assertThat(NetworkProbes.isRefused(new ConnectException("Network is unreachable"))).isFalse();
    assertThat(NetworkProbes.isRefused(new SocketTimeoutException("Connect timed out"))).isFalse();
    assertThat(NetworkProbes.isRefused(new NoRouteToHostException("No route to host"))).isFalse();
  }

  @Test
  void aConnectThatTimesOutOnceIsTriedAgainWithinTheWindow() throws Exception {
    Queue<IOException> failures = new ArrayDeque<>(List.of(new SocketTimeoutException("Connect timed out")));
    NetworkProbes probes = new NetworkProbes(endpoint -> {
      IOException next = failures.poll();
      if (next != null) {
        throw next;
      }
    }, Duration.ofMinutes(1));

    assertThat(probes.awaitReachable(new Endpoint("127.0.0.1", 32806))).isEqualTo(Probes.Reach.LISTENING);
    assertThat(failures).isEmpty();
  }

  private static NetworkProbes.Connector failing(IOException failure) {
    return endpoint -> {
      throw failure;
    };
  }

  private static int closedPort() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      return server.getLocalPort();
    }
  }

  private static Service service(int publishedPort) {
    return new Service("redis", new FixedPortContainer(publishedPort), 6379, ReadinessCheck.NONE);
  }

  /** A container whose published port is a given one on loopback. */
  private record FixedPortContainer(int port) implements io.github.lbstack.internal.backend.Container {
    @Override public String name() { return "redis"; }
    @Override public void start() { }
    @Override public Exec exec(java.util.List<String> command, java.time.Duration timeout) {
      throw new UnsupportedOperationException();
    }
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
