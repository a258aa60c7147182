package io.github.lbstack;

/**
 * The labels on every container and network lbstack creates, for tools and checks of your own:
 * {@code docker ps -a --filter label=io.github.lbstack.stack}.
 */
public final class StackLabels {

  /** The stack a resource belongs to: its {@link RunningStack#id()}. */
  public static final String STACK = "io.github.lbstack.stack";
  /**
   * The service within the stack: {@code lb}, {@code mysql} or {@code postgres}, {@code redis}, {@code web-<n>} or
   * {@code network}.
   */
  public static final String SERVICE = "io.github.lbstack.service";
  /** The JVM that created the resource. */
  public static final String SESSION = "io.github.lbstack.session";
  /**
   * On stacks kept for later runs ({@code lbstack.reuse=true}): a hash of the definition and images. Remove them all
   * with {@code docker ps -aq --filter label=io.github.lbstack.reuse | xargs -r docker rm -f}, then the same for
   * {@code docker network ls -q} and {@code docker network rm}.
   */
  public static final String REUSE = "io.github.lbstack.reuse";

  private StackLabels() {}
}
