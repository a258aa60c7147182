package io.github.lbstack;

/**
 * A stack did not become ready. The message names each service that was not, why, and the end of its log; nothing
 * of the stack is left running.
 */
public class StackStartupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and how to fix it
   * @param cause the failure underneath, or {@code null}
   */
  public StackStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
