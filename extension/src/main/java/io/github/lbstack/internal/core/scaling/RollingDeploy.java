package io.github.lbstack.internal.core.scaling;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.containers.WebRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * A rolling deploy: for each batch of old replicas, new replicas of the release start at free indexes, the lb puts
 * them in rotation, and only then are the old ones drained (no new requests; those in flight finish) and removed.
 * So as many replicas serve throughout as before, and briefly one batch more. A new replica that does not become
 * healthy stops the rollout: it is removed, and the replicas already replaced are rolled back the same way, so the
 * old version serves as it did before.
 */
final class RollingDeploy {

  private static final Logger LOG = Log.LBSTACK;

  private final Topology topology;
  private final WebRelease target;
  private final int batchSize;
  private final Duration drainLimit;
  private final Duration readyTimeout;
  private final List<String> steps;
  private final long started;
  private long firstNewInRotation;

  RollingDeploy(Topology topology, WebRelease target, int batchSize, Duration drainLimit, Duration readyTimeout) {
    this(topology, target, batchSize, drainLimit, readyTimeout, new ArrayList<>(), System.nanoTime());
  }

  private RollingDeploy(Topology topology, WebRelease target, int batchSize, Duration drainLimit,
      Duration readyTimeout, List<String> steps, long started) {
    this.topology = topology;
    this.target = target;
    this.batchSize = batchSize;
    this.drainLimit = drainLimit;
    this.readyTimeout = readyTimeout;
    this.steps = steps;
    this.started = started;
  }

  RolloutResult run() {
    WebRelease from = topology.current();
    List<CoreReplica> old = topology.replicas();
    LOG.info("lbstack {}: rolling out {} over {} replicas of {}, {} at a time", topology.stackId(), target.version(),
        old.size(), from.version(), batchSize);
    topology.current(target);
    List<CoreReplica> fresh = new ArrayList<>();
    try {
      replace(old, fresh);
    } catch (RuntimeException e) {
      throw stopped(from, fresh, e);
    }
    long lastOldOut = System.nanoTime();
    topology.awaitRotation();
    long ended = System.nanoTime();
    LOG.info("lbstack {}: rolled out {} in {} ms: {}", topology.stackId(), target.version(), (ended - started)
        / 1_000_000, topology.replicas().stream().map(CoreReplica::hostname).toList());
    return new RolloutResult(from.version(), target.version(), steps, started, firstNewInRotation, lastOldOut, ended);
  }

  /** Replaces {@code old}, a batch at a time; {@code fresh} collects the new replicas as they enter rotation. */
  private void replace(List<CoreReplica> old, List<CoreReplica> fresh) {
    for (int from = 0; from < old.size(); from += batchSize) {
      List<CoreReplica> batch = old.subList(from, Math.min(old.size(), from + batchSize));
      fresh.addAll(startBatch(batch.size()));
      for (CoreReplica replica : batch) {
        topology.drainAndRemove(replica, drainLimit);
        step(replica.hostname() + " (" + replica.release().version() + ") drained and removed");
      }
    }
  }

  /** New replicas of the target, in rotation; when one fails, none of the batch is left. */
  private List<CoreReplica> startBatch(int count) {
    List<CoreReplica> batch = topology.startNew(count, target, readyTimeout,
        replica -> topology.lb().setState(replica, "ready"),
        replicas -> {
          Map<String, String> statuses = topology.lb().statuses();
          return replicas.stream().allMatch(replica -> "UP".equals(statuses.get(replica)));
        }, "in rotation");
    if (firstNewInRotation == 0) {
      firstNewInRotation = System.nanoTime();
    }
    batch.forEach(replica -> step(replica.hostname() + " (" + target.version() + ") in rotation"));
    return batch;
  }

  /** The rollout failed: the replicas already replaced go back to {@code from}, and the failure says it all. */
  private RolloutFailure stopped(WebRelease from, List<CoreReplica> fresh, RuntimeException cause) {
    topology.current(from);
    step("stopped: " + cause.getMessage());
    String rolledBack = "";
    if (!fresh.isEmpty()) {
      try {
        new RollingDeploy(topology, from, batchSize, drainLimit, topology.timeout(), steps, started)
            .replace(fresh, new ArrayList<>());
        rolledBack = " The " + fresh.size() + " replicas already replaced were rolled back to " + from.version() + ".";
      } catch (RuntimeException rollback) {
        cause.addSuppressed(rollback);
        rolledBack = " Rolling back the " + fresh.size() + " replicas already replaced failed too: "
            + rollback.getMessage();
      }
    }
    long now = System.nanoTime();
    String serving = topology.replicas().stream().map(replica -> replica.hostname() + " ("
        + replica.release().version() + ")").toList().toString();
    LOG.warn("lbstack {}: rollout of {} stopped: {}", topology.stackId(), target.version(), cause.getMessage());
    return new RolloutFailure("rollout of " + target.version() + " stopped: " + cause.getMessage() + rolledBack
        + " Serving now: " + serving + ".", new RolloutResult(from.version(), target.version(), steps, started,
        firstNewInRotation, now, now), cause);
  }

  private void step(String what) {
    String step = String.format("%.1f s: %s", (System.nanoTime() - started) / 1e9, what);
    steps.add(step);
    topology.timeline().event("rollout", what);
    LOG.info("lbstack {}: rollout {}", topology.stackId(), step);
  }
}
