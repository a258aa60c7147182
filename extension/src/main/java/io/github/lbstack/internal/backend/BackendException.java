package io.github.lbstack.internal.backend;

/** The platform refused or failed an operation; the message names the object and what to check. */
public class BackendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
