package io.github.lbstack.docker;

/** A stack did not become ready; the message names each service that was not, with the end of its log. */
public class StackStartupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StackStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
