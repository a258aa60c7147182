package io.github.lbstack.config;

/** A stack was described in a way that cannot work; the message says what was found and how to fix it. */
public class StackConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StackConfigurationException(String message) {
    super(message);
  }
}
