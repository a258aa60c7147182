package io.github.lbstack;

import io.github.lbstack.internal.backend.Labels;

/**
 * The labels on every container and network lbstack creates, for tools and checks of your own:
 * {@code docker ps -a --filter label=io.github.lbstack.stack}.
 */
public final class StackLabels {

  /** The stack a resource belongs to: its {@link RunningStack#id()}. */
  public static final String STACK = Labels.STACK;
  /** The service within the stack: {@code lb}, {@code mysql}, {@code redis}, {@code web-<n>} or {@code network}. */
  public static final String SERVICE = Labels.SERVICE;
  /** The JVM that created the resource. */
  public static final String SESSION = Labels.SESSION;

  private StackLabels() {}
}
