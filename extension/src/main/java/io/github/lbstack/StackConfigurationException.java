package io.github.lbstack;

/**
 * A stack was described in a way that cannot work, found before any container exists. The message says what was
 * found and how to fix it. Inside a test class, the extension reports it as JUnit's
 * {@code ExtensionConfigurationException}, with this exception as the cause.
 */
public class StackConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and how to fix it
   * @param cause the failure underneath, or {@code null}
   */
  public StackConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
