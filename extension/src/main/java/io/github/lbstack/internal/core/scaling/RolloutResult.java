package io.github.lbstack.internal.core.scaling;

import java.util.List;

/**
 * What a rollout did, on {@link System#nanoTime()}'s clock.
 *
 * @param from the version the replicas ran before
 * @param to the version they run now
 * @param steps what happened, in order, each with its time since the start
 * @param firstNewInRotation when the first replica of {@code to} was in rotation
 * @param lastOldOut when the last replica of {@code from} left rotation
 */
public record RolloutResult(String from, String to, List<String> steps, long started, long firstNewInRotation,
    long lastOldOut, long ended) {

  public RolloutResult {
    steps = List.copyOf(steps);
  }
}
