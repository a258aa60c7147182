package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.core.readiness.LogLineCheck;
import io.github.lbstack.internal.core.readiness.Service;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;

/**
 * Another service of a stack (a broker, a mail catcher), with the drills a replica has. Unlike a replica, no lb
 * watches it: each drill returns once the platform has acted, and what the app makes of it is the test's question.
 */
public final class ExtraService {

  private static final Logger LOG = Log.LBSTACK;
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final String stackId;
  private final Service service;

  ExtraService(String stackId, Service service) {
    this.stackId = stackId;
    this.service = service;
  }

  public String name() {
    return service.name();
  }

  /** Its port as the test JVM reaches it. */
  public java.net.InetSocketAddress address() {
    Endpoint endpoint = service.container().liveEndpoint(service.port());
    return java.net.InetSocketAddress.createUnresolved(endpoint.host(), endpoint.port());
  }

  public String logs() {
    return service.logs();
  }

  public void kill() {
    drill("kill", () -> service.container().kill());
  }

  public void stop() {
    drill("stop", () -> service.container().stop(GRACE));
  }

  /** Starts it again after a kill or stop, and returns once it is ready. */
  public void start() {
    rebaseLogCheck();
    drill("start", () -> service.container().startAgain());
    awaitReady();
  }

  /** A log line of the run before the restart must not count as ready. */
  private void rebaseLogCheck() {
    if (service.check() instanceof LogLineCheck log) {
      log.rebase();
    }
  }

  /** Restarts it and returns once it is ready. */
  public void restart() {
    rebaseLogCheck();
    drill("restart", () -> service.container().restart(GRACE));
    awaitReady();
  }

  public void pause() {
    drill("pause", () -> service.container().pause());
  }

  public void unpause() {
    drill("unpause", () -> service.container().unpause());
  }

  public void disconnect() {
    drill("disconnect", () -> service.container().disconnect());
  }

  public void reconnect() {
    drill("reconnect", () -> service.container().reconnect());
  }

  private void drill(String what, Runnable action) {
    LOG.info("lbstack {}: {} {}", stackId, what, service.name());
    action.run();
  }

  /** Its readiness check, polled until it passes, for at most a minute. */
  private void awaitReady() {
    try {
      Awaitility.await(service.name() + " ready").pollInSameThread().pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100)).atMost(Duration.ofMinutes(1)).ignoreExceptions()
          .untilAsserted(() -> service.check().check());
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(service.name() + " is not ready a minute after it started again: "
          + e.getMessage() + "\n" + service.logs(), e);
    }
  }
}
