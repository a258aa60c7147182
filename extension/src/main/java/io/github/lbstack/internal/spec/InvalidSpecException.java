package io.github.lbstack.internal.spec;

/**
 * A stack was described in a way that cannot work; the message says what was found and how to fix it. The API
 * layer turns it into the public {@code StackConfigurationException}.
 */
public class InvalidSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidSpecException(String message) {
    super(message);
  }
}
