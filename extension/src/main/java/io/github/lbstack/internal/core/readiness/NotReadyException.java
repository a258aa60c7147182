package io.github.lbstack.internal.core.readiness;

/** A readiness check's verdict: the service answered, but not yet as a ready one. The message says how. */
public final class NotReadyException extends Exception {

  private static final long serialVersionUID = 1L;

  public NotReadyException(String message) {
    super(message, null, false, false);
  }
}
