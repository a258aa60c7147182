package io.github.lbstack.internal.backend;

import java.util.Map;
import java.util.UUID;

/**
 * Labels on every container, network and image lbstack creates, so cleanup (and a person with {@code docker ps})
 * can find them: {@code docker ps -a --filter label=io.github.lbstack.stack}.
 */
public final class Labels {

  /** The stack a resource belongs to; present on everything lbstack creates. */
  public static final String STACK = "io.github.lbstack.stack";
  /** The service within the stack: {@code lb}, {@code mysql}, {@code redis}, {@code web-<n>} or {@code network}. */
  public static final String SERVICE = "io.github.lbstack.service";
  /** The JVM that created the resource, so a later sweep can tell live stacks from leftovers. */
  public static final String SESSION = "io.github.lbstack.session";

  /**
   * The process that owns the resource, as {@code <host>/<pid>/<start time in epoch ms>}, so that a later run on the
   * same host can tell a live owner from a dead one (a pid alone may have been reused).
   */
  public static final String OWNER = "io.github.lbstack.owner";

  /**
   * On every resource of a stack kept for reuse between runs: a hash of its definition and image ids. The leak sweep
   * leaves such stacks alone; a later run with the same hash takes the stack up again.
   */
  public static final String REUSE = "io.github.lbstack.reuse";
  /** Where a reusable stack's definition is declared; a changed definition from the same place replaces it. */
  public static final String REUSE_NAME = "io.github.lbstack.reuse.name";

  /** One id per JVM. */
  public static final String SESSION_ID = UUID.randomUUID().toString();

  /** This JVM, in the {@link #OWNER} format. */
  public static final String THIS_OWNER = Owner.current().toString();

  private Labels() {}

  public static Map<String, String> of(String stackId, String service) {
    return Map.of(STACK, stackId, SERVICE, service, SESSION, SESSION_ID, OWNER, THIS_OWNER);
  }

  /** {@link #of(String, String)} plus labels every resource of the stack carries, such as {@link #REUSE}. */
  public static Map<String, String> of(String stackId, String service, Map<String, String> stackLabels) {
    Map<String, String> labels = new java.util.HashMap<>(stackLabels);
    labels.putAll(of(stackId, service));
    return Map.copyOf(labels);
  }
}
