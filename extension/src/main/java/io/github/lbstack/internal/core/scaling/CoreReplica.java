package io.github.lbstack.internal.core.scaling;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.core.containers.WebRelease;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.core.readiness.Timeline;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;

/**
 * A running web replica, as the core holds it (the API shows it as {@code Replica}): its address, its logs, its
 * fault drills, and the lb's view of it.
 */
public final class CoreReplica {

  private static final Logger LOG = Log.LBSTACK;
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String stackId;
  private final int index;
  private final Service service;
  private final int port;
  private final LbControl lb;
  private final Duration timeout;
  private final WebRelease release;
  private final Timeline timeline;

  CoreReplica(String stackId, int index, Service service, int port, LbControl lb, Duration timeout,
      WebRelease release, Timeline timeline) {
    this.timeline = timeline;
    this.release = release;
    this.stackId = stackId;
    this.index = index;
    this.service = service;
    this.port = port;
    this.lb = lb;
    this.timeout = timeout;
  }

  /** {@return what this replica runs: the stack's web tier, or a release rolled out over it} */
  public WebRelease release() {
    return release;
  }

  /** {@return the label of the version this replica runs} */
  public String version() {
    return release.version();
  }

  public Service service() {
    return service;
  }

  Container container() {
    return service.container();
  }

  public int index() {
    return index;
  }

  public String hostname() {
    return service.name();
  }

  /** This replica's published port, read live: a replica killed and started again may have a new host port. */
  public java.net.URI uri() {
    return endpoint().http("");
  }

  public Endpoint endpoint() {
    return service.container().liveEndpoint(port);
  }

  public String logs() {
    return service.logs();
  }

  public String lbStatus() {
    return lb.statuses().getOrDefault(hostname(), "missing");
  }

  public void kill() {
    drill("kill", () -> container().kill());
  }

  public void stop() {
    drill("stop", () -> container().stop(STOP_GRACE));
  }

  public void start() {
    drill("start", () -> container().startAgain());
  }

  public void restart() {
    drill("restart", () -> container().restart(STOP_GRACE));
  }

  public void pause() {
    drill("pause", () -> container().pause());
  }

  public void unpause() {
    drill("unpause", () -> container().unpause());
  }

  public void disconnect() {
    drill("disconnect", () -> container().disconnect());
  }

  public void reconnect() {
    drill("reconnect", () -> container().reconnect());
  }

  /** "UP 1/2" means one check failed but the replica still serves; only DOWN, MAINT and the like are out. */
  public void awaitDown() {
    awaitLb("out of rotation", status -> !status.startsWith("UP"));
  }

  public void awaitUp() {
    awaitLb("UP", "UP"::equals);
  }

  private void awaitLb(String what, Predicate<String> wanted) {
    long start = System.nanoTime();
    String status;
    try {
      status = await(hostname() + " " + what).pollInSameThread().pollInterval(Duration.ofMillis(100)).atMost(timeout)
          .ignoreExceptions().until(this::lbStatus, wanted);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("the lb did not report " + hostname() + " " + what + " within "
          + timeout.toSeconds() + " s; it reports " + lb.explain(statuses -> statuses.get(hostname())), e);
    }
    // The status the wait ended on: asking the lb again could fail on a busy machine after the drill succeeded.
    LOG.info("lbstack {}: lb reports {} {} after {} ms", stackId, hostname(), status,
        (System.nanoTime() - start) / 1_000_000);
  }

  private void drill(String name, Runnable action) {
    action.run();
    timeline.event("drill", name + " " + hostname());
    LOG.info("lbstack {}: {} {}", stackId, name, hostname());
  }

  @Override
  public String toString() {
    return hostname();
  }
}
