package io.github.lbstack.internal.backend.docker;

import io.github.lbstack.internal.Log;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * Where published ports are bound on the engine's machine. A test stack is nobody else's business, so ports go on
 * loopback whenever the engine is local. When Testcontainers reaches the engine at another address (a remote
 * {@code DOCKER_HOST}, a {@code docker:dind} service, the gateway of a CI container), loopback would be out of the
 * test JVM's reach, so ports go on all of the engine's interfaces instead.
 */
final class PublishAddress {

  private static final Logger LOG = Log.LBSTACK;
  private static volatile String address;

  private PublishAddress() {}

  /** The bind address for {@code -p <address>::<port>}, decided once per JVM and logged with the reason. */
  static String get() {
    if (address == null) {
      synchronized (PublishAddress.class) {
        if (address == null) {
          address = decide(DockerClientFactory.instance().dockerHostIpAddress());
        }
      }
    }
    return address;
  }

  static String decide(String dockerHost) {
    if (isLoopback(dockerHost)) {
      LOG.info("lbstack: the Docker engine is local ({}): publishing ports on 127.0.0.1 only", dockerHost);
      return "127.0.0.1";
    }
    LOG.info("lbstack: the Docker engine is reached at {}, not on loopback: publishing ports on all of its "
        + "interfaces (0.0.0.0), so that this JVM can reach them at {}", dockerHost, dockerHost);
    return "0.0.0.0";
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
