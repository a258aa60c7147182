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
  /**
   * On stacks kept for later runs ({@code lbstack.reuse=true}): a hash of the definition and images. Remove them all
   * with {@code docker ps -aq --filter label=io.github.lbstack.reuse | xargs -r docker rm -f}, then the same for
   * {@code docker network ls -q} and {@code docker network rm}.
   */
  public static final String REUSE = Labels.REUSE;

  private StackLabels() {}
}
