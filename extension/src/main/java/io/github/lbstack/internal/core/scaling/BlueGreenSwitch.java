package io.github.lbstack.internal.core.scaling;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.containers.WebRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * A blue/green deploy: a full set of replicas of the release (green) starts beside the serving ones (blue), the lb
 * checks them without sending them requests, and then switches in one step: green in rotation, blue drained. Blue's
 * replicas finish what they have and go. Until the switch nothing changes for traffic, so a green set that does not
 * become healthy is removed and blue serves on as if nothing happened.
 */
final class BlueGreenSwitch {

  private static final Logger LOG = Log.LBSTACK;

  private final Topology topology;
  private final WebRelease target;
  private final Duration drainLimit;
  private final Duration readyTimeout;
  private final List<String> steps = new ArrayList<>();
  private final long started = System.nanoTime();

  BlueGreenSwitch(Topology topology, WebRelease target, Duration drainLimit, Duration readyTimeout) {
    this.topology = topology;
    this.target = target;
    this.drainLimit = drainLimit;
    this.readyTimeout = readyTimeout;
  }

  RolloutResult run() {
    WebRelease from = topology.current();
    List<CoreReplica> blue = topology.replicas();
    LOG.info("lbstack {}: blue/green: starting {} replicas of {} beside {}", topology.stackId(), blue.size(),
        target.version(), from.version());
    topology.current(target);
    List<CoreReplica> green;
    try {
      green = startGreen(blue.size());
    } catch (RuntimeException e) {
      topology.current(from);
      long now = System.nanoTime();
      step("stopped: " + e.getMessage());
      throw new RolloutFailure("blue/green switch to " + target.version() + " stopped before the switch, so "
          + from.version() + " serves on as before: " + e.getMessage(), new RolloutResult(from.version(),
          target.version(), steps, started, now, now, now), e);
    }
    List<String> in = green.stream().map(CoreReplica::hostname).toList();
    List<String> out = blue.stream().map(CoreReplica::hostname).toList();
    long switchBegan = System.nanoTime();
    topology.lb().switchOver(in, out);
    long switchDone = System.nanoTime();
    step("switched: " + in + " (" + target.version() + ") in rotation, " + out + " (" + from.version()
        + ") draining");
    for (CoreReplica replica : blue) {
      topology.drainAndRemove(replica, drainLimit);
    }
    step(out + " drained and removed");
    topology.awaitRotation();
    long ended = System.nanoTime();
    LOG.info("lbstack {}: switched to {} in {} ms", topology.stackId(), target.version(), (ended - started) / 1_000_000);
    return new RolloutResult(from.version(), target.version(), steps, started, switchBegan, switchDone, ended);
  }

  /** Green's replicas, started, checked by the lb and out of rotation; none left when one fails. */
  private List<CoreReplica> startGreen(int count) {
    List<CoreReplica> green = topology.startNew(count, target, readyTimeout, topology.lb()::stage,
        topology.lb()::areStaged, "checked and out of rotation");
    step(green.stream().map(CoreReplica::hostname).toList() + " (" + target.version()
        + ") ready and checked, out of rotation");
    return green;
  }

  private void step(String what) {
    String step = String.format("%.1f s: %s", (System.nanoTime() - started) / 1e9, what);
    steps.add(step);
    topology.timeline().event("rollout", what);
    LOG.info("lbstack {}: blue/green {}", topology.stackId(), step);
  }
}
