package io.github.lbstack.internal.core.readiness;

/** A service cannot become ready any more (its container exited, or could not start), so waiting is pointless. */
public final class ServiceFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ServiceFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
