package io.github.lbstack.internal.core.stack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stacks not yet closed. A shutdown hook closes them, so Ctrl-C, or a JVM that exits without closing its shared
 * stacks, still leaves nothing behind. (A JVM killed with -9 runs no hook.)
 */
public final class OpenStacks {

  private static final Set<CoreStack> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(OpenStacks::closeAll, "lbstack-shutdown"));
  }

  private OpenStacks() {}

  public static void add(CoreStack stack) {
    OPEN.add(stack);
  }

  static void remove(CoreStack stack) {
    OPEN.remove(stack);
  }

  private static void closeAll() {
    for (CoreStack stack : Set.copyOf(OPEN)) {
      try {
        stack.close();
      } catch (RuntimeException e) {
        System.err.println("lbstack: could not close " + stack.id() + " at shutdown: " + e);
      }
    }
  }
}
