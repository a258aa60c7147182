package io.github.lbstack.internal.engine;

import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.spec.WebEnvironment;

/**
 * How the engine talks to the services it started: readiness checks and the lb's control channel. The real ones go
 * over the network ({@link NetworkProbes}); lifecycle tests give a fake.
 */
public interface Probes {

  ReadinessCheck database(Container mysql, WebEnvironment.Secrets secrets);

  ReadinessCheck redis(Container redis);

  /** The app answers {@code path} on {@code port} with a 2xx or 3xx. */
  ReadinessCheck http(Container web, int port, String path);

  LbControl lb(Container lb);

  /**
   * Returns once a TCP connection to a published port succeeds. Docker's port proxy accepts as soon as the container
   * runs, so a port that refuses for seconds is one the test JVM cannot reach, however long it waits.
   *
   * @throws NotReachableException naming the address and the cause
   */
  void awaitReachable(Endpoint endpoint) throws NotReachableException;
}
