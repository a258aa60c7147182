package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Endpoint;
import java.util.function.Consumer;

/**
 * Checks, right after a container starts, that the test JVM can reach its published port. A port published where the
 * test JVM cannot reach it (a remote engine's loopback, a firewall, a wrong host override) would otherwise look like
 * a slow service until the whole timeout ran out. A refused port is not that: the engine answered, and the service
 * (a database initialising with networking off, say) is waited for by its readiness check.
 */
public final class Reachability implements Consumer<Service> {

  private static final org.slf4j.Logger LOG = Log.LBSTACK;

  private final Probes probes;
  private final String engine;

  public Reachability(Probes probes, String engine) {
    this.probes = probes;
    this.engine = engine;
  }

  @Override
  public void accept(Service service) {
    Endpoint endpoint = service.container().endpoint(service.port());
    try {
      if (probes.awaitReachable(endpoint) == Probes.Reach.NOT_LISTENING_YET) {
        LOG.info("lbstack: {} does not listen on its published port {} at {} yet (the engine refused the "
            + "connection); its readiness check waits for it", service.name(), service.port(), endpoint);
      }
    } catch (NotReachableException e) {
      throw new ServiceFailedException("the test JVM cannot reach its published port " + service.port() + ": "
          + e.getMessage() + ". Waiting longer will not help. Check that DOCKER_HOST points at the engine you mean "
          + "(lbstack uses " + engine + "), that TESTCONTAINERS_HOST_OVERRIDE, if set, names an address of that engine "
          + "which this machine can reach, and that no firewall blocks the engine's published ports", null);
    }
  }
}
