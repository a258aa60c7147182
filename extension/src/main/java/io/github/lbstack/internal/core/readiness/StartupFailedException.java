package io.github.lbstack.internal.core.readiness;

/**
 * A stack did not become ready; the message names each service that was not, with the end of its log. The API
 * layer turns it into the public {@code StackStartupException}.
 */
public class StartupFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StartupFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
