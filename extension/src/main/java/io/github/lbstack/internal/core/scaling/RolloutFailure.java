package io.github.lbstack.internal.core.scaling;

/** A rollout that stopped: its new replicas are gone and the old version serves, as before it began. */
public final class RolloutFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient RolloutResult partial;

  RolloutFailure(String message, RolloutResult partial, Throwable cause) {
    super(message, cause);
    this.partial = partial;
  }

  /** {@return the steps taken, the rollback's included} */
  public RolloutResult partial() {
    return partial;
  }
}
