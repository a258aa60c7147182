package io.github.lbstack.internal.core.readiness;

/** A service cannot become ready any more (its container exited, or could not start), so waiting is pointless. */
public final class ServiceFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Whether its container ran and then exited, or vanished: a crash, as opposed to a start that never happened. */
  private final boolean crashed;

  ServiceFailedException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private ServiceFailedException(String message, Throwable cause, boolean crashed) {
    super(message, cause);
    this.crashed = crashed;
  }

  static ServiceFailedException crashed(String message) {
    return new ServiceFailedException(message, null, true);
  }

  boolean crashed() {
    return crashed;
  }
}
