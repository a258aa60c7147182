package io.github.lbstack.internal.core.faults;

import io.github.lbstack.internal.backend.Container;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * How a {@link DelayProxy} gets into a helper: its one class file travels in the command, so any JRE image with a
 * shell runs it, on a local engine, a remote one or a swarm node alike, with no copy step.
 */
final class DelayProxyLaunch {

  private static final String CLASS_FILE = DelayProxy.class.getName().replace('.', '/') + ".class";
  private static final String LISTENING = "listening ";

  private DelayProxyLaunch() {}

  static List<String> command(Fault fault, List<DelayLink> links) {
    String dir = "/tmp/lbstack-delay";
    String file = dir + "/" + CLASS_FILE;
    StringBuilder java = new StringBuilder("exec java -Xss256k -Xmx48m -XX:TieredStopAtLevel=1 -cp ").append(dir)
        .append(' ').append(DelayProxy.class.getName()).append(' ').append(fault.delay().toMillis()).append(' ')
        .append(fault.jitter().toMillis());
    links.forEach(link -> java.append(' ').append(link.proxyTarget()));
    String script = "set -e\nmkdir -p " + file.substring(0, file.lastIndexOf('/')) + "\n"
        + "echo '" + Base64.getEncoder().encodeToString(classBytes()) + "' | base64 -d > " + file + "\n" + java + "\n";
    return List.of("sh", "-c", script);
  }

  /**
   * Waits for the proxy's {@code listening} line: the ports it bound, one per link.
   *
   * @throws IllegalStateException with its output when it ends first or says nothing in time
   */
  static List<Integer> awaitListening(Container.Helper proxy, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String logs = proxy.logs();
      Optional<List<Integer>> ports = ports(logs);
      if (ports.isPresent()) {
        return ports.get();
      }
      if (!proxy.running() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the delay proxy did not start" + (proxy.running() ? " within "
            + timeout.toSeconds() + " s" : "") + ": " + (logs.isBlank() ? "it printed nothing" : logs.strip())
            + ". It runs on lbstack.image.jre, which needs sh, base64 and java 17 or later.");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  static Optional<List<Integer>> ports(String logs) {
    return logs.lines().filter(line -> line.startsWith(LISTENING)).findFirst().map(line -> {
      List<Integer> ports = new ArrayList<>();
      for (String port : line.substring(LISTENING.length()).trim().split(" +")) {
        ports.add(Integer.parseInt(port));
      }
      return ports;
    });
  }

  private static byte[] classBytes() {
    try (InputStream in = DelayProxy.class.getResourceAsStream("/" + CLASS_FILE)) {
      if (in == null) {
        throw new IllegalStateException("lbstack's jar lacks " + CLASS_FILE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
