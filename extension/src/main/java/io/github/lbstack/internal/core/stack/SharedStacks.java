package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.core.readiness.StartupFailedException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The stacks that classes share in one run, keyed by their definition (like Spring's context cache). A stack starts
 * on first use and closes with the registry, newest first. A definition that failed to start is not retried: every
 * later class gets the first failure at once instead of waiting out another timeout.
 */
public final class SharedStacks implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;

  private final Map<Object, CompletableFuture<CoreStack>> stacks = new ConcurrentHashMap<>();
  /** Closed newest first, every one attempted, like a stack's own resources. */
  private final Resources started = new Resources();

  /**
   * @param key equal for definitions that may share a stack
   * @param user who asks, for the log
   * @param start starts the stack when none exists for the key yet; runs at most once per key
   */
  public CoreStack acquire(Object key, String user, Supplier<CoreStack> start) {
    CompletableFuture<CoreStack> mine = new CompletableFuture<>();
    CompletableFuture<CoreStack> existing = stacks.putIfAbsent(key, mine);
    if (existing != null) {
      CoreStack stack = join(existing);
      LOG.info("lbstack {}: shared stack reused by {}", stack.id(), user);
      return stack;
    }
    try {
      CoreStack stack = start.get();
      started.add("shared stack " + stack.id(), stack);
      mine.complete(stack);
      LOG.info("lbstack {}: shared stack started for {}; later classes with the same definition reuse it",
          stack.id(), user);
      return stack;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static CoreStack join(CompletableFuture<CoreStack> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw new StartupFailedException("this shared stack failed to start for an earlier class, and is not started "
          + "again: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    started.close();
  }
}
