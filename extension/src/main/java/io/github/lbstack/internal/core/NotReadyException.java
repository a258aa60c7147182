package io.github.lbstack.internal.core;

/** A readiness check's verdict: the service answered, but not yet as a ready one. The message says how. */
final class NotReadyException extends Exception {

  private static final long serialVersionUID = 1L;

  NotReadyException(String message) {
    super(message, null, false, false);
  }
}
