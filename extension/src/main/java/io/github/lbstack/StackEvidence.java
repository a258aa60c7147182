package io.github.lbstack;

/** Attached to a failed test's exception: where lbstack saved the stack's evidence. Its message is the point. */
final class StackEvidence extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StackEvidence(String message) {
    super(message, null, false, false);
  }
}
