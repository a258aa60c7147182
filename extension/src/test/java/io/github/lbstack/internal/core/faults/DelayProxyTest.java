package io.github.lbstack.internal.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The delaying proxy on this machine's loopback, against an echo server: answers come back complete, in order, and
 * never sooner than the delay less the jitter. NetworkFaultsIT and SlowReplicaIT run it in real replicas.
 */
class DelayProxyTest {

  @Test
  void eachAnswerWaitsTheDelayAndArrivesWholeAndInOrder() throws Exception {
    try (ServerSocket echo = echoServer()) {
      int port = DelayProxy.start(120, 30, List.of("127.0.0.1:" + echo.getLocalPort())).get(0);
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = client.getOutputStream();
        InputStream in = client.getInputStream();
        List<Long> roundTrips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          byte[] message = ("message " + i + " ").repeat(1000).getBytes();
          long start = System.nanoTime();
          out.write(message);
          assertThat(in.readNBytes(message.length)).isEqualTo(message);
          roundTrips.add((System.nanoTime() - start) / 1_000_000);
        }
        assertThat(roundTrips).allSatisfy(millis -> assertThat(millis).isGreaterThanOrEqualTo(90));
        client.shutdownOutput();
        // The echo server closes when the client has; the proxy passes the end on.
        assertThat(in.read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void theListeningLineGivesAPortPerLink() {
    assertThat(DelayProxyLaunch.ports("starting\nlistening 40001 40002\n")).contains(List.of(40001, 40002));
    assertThat(DelayProxyLaunch.ports("Error: could not find or load main class")).isEqualTo(Optional.empty());
  }

  private static ServerSocket echoServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException e) {
          // closed at the end of the test
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return server;
  }
}
