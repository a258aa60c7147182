package io.github.lbstack.internal.core.readiness;

/** The test JVM cannot open a connection to a published port; the message names the address and why. */
public final class NotReachableException extends Exception {

  private static final long serialVersionUID = 1L;

  public NotReachableException(String message) {
    super(message, null, false, false);
  }
}
