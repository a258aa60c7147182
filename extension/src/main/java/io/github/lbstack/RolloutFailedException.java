package io.github.lbstack;

/**
 * A rollout that stopped because a new replica did not become healthy or did not enter rotation in time. By the
 * time it is thrown, the new replicas are gone and the old version serves on every replica, as before the rollout;
 * the message says why, with the failed replica's last log lines.
 */
public final class RolloutFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The steps taken, the rollback's included. */
  private final transient Rollout rollout;

  RolloutFailedException(String message, Rollout rollout, Throwable cause) {
    super(message, cause);
    this.rollout = rollout;
  }

  /** {@return the steps taken before the rollout stopped, and those of the rollback} */
  public Rollout rollout() {
    return rollout;
  }
}
