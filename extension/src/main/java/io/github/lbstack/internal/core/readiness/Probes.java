package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.WebEnvironment;

/**
 * How the core talks to the services it started: readiness checks and the lb's control channel. The real ones go
 * over the network ({@link NetworkProbes}); lifecycle tests give a fake.
 */
public interface Probes {

  ReadinessCheck database(DatabaseKind kind, Container database, WebEnvironment.Secrets secrets);

  ReadinessCheck redis(Container redis);

  /** The app answers {@code path} on {@code port} with a 2xx or 3xx. */
  ReadinessCheck http(Container web, int port, String path);

  /** The container's port accepts a connection from the test JVM. */
  ReadinessCheck port(Container container, int port);

  /** The lb's control, for a container running this configuration. */
  LbControl lb(Container lb, LbConfig config);

  /**
   * Returns once the test JVM has reached the Docker engine behind a published port: a connection was accepted, or
   * refused. A refusal comes from the engine's host (through its NAT rules, a port nobody listens on yet is refused),
   * so it says the service does not listen <em>yet</em>, which the readiness check waits for under the start-up
   * timeout. Only what never gets an answer (no route, filtered, timed out) is unreachable.
   *
   * @return whether something already listens behind the port
   * @throws NotReachableException naming the address and the cause, when the engine cannot be reached there
   */
  Reach awaitReachable(Endpoint endpoint) throws NotReachableException;

  /** What the test JVM found behind a published port. */
  enum Reach {
    /** A connection was accepted. */
    LISTENING,
    /** The engine refused the connection: the service does not listen yet. */
    NOT_LISTENING_YET
  }
}
