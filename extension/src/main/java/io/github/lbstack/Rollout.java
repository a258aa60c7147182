package io.github.lbstack;

import java.time.Duration;
import java.util.List;

/**
 * What a rollout did, from {@link RunningStack#rollOut(Release)} or {@link RunningStack#rollBack()}. Times are on
 * {@link System#nanoTime()}'s clock, as a traffic run's are, so a test can cut its distribution at them:
 * {@code served.sentBetween(rollout.startedNanos(), rollout.endedNanos())}.
 *
 * @param from the version the replicas ran before
 * @param to the version every replica runs now
 * @param steps each replica in rotation and each drained, in order, with its time from the start
 * @param startedNanos when the rollout began
 * @param firstNewInRotationNanos when the lb first had a replica of {@code to} in rotation
 * @param lastOldOutNanos when the last replica of {@code from} left rotation
 * @param endedNanos when every replica of {@code to}, and no other, was in rotation
 */
public record Rollout(String from, String to, List<String> steps, long startedNanos, long firstNewInRotationNanos,
    long lastOldOutNanos, long endedNanos) {

  /**
   * Copies the steps, so a rollout never changes.
   *
   * @param from the version before
   * @param to the version after
   * @param steps what happened
   * @param startedNanos the start
   * @param firstNewInRotationNanos the first new replica in rotation
   * @param lastOldOutNanos the last old replica out of rotation
   * @param endedNanos the end
   */
  public Rollout {
    steps = List.copyOf(steps);
  }

  /** {@return how long the rollout took} */
  public Duration duration() {
    return Duration.ofNanos(endedNanos - startedNanos);
  }

  /** {@return how long both versions were in rotation together, as the lb saw it} */
  public Duration mixedWindow() {
    return Duration.ofNanos(Math.max(0, lastOldOutNanos - firstNewInRotationNanos));
  }

  @Override
  public String toString() {
    return "rollout " + from + " -> " + to + " in " + duration().toMillis() + " ms, both in rotation for "
        + mixedWindow().toMillis() + " ms: " + steps;
  }
}
