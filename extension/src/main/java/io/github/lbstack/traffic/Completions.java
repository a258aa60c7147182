package io.github.lbstack.traffic;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Waiting for a background run's requests, shared by {@link TrafficRun} and {@link LoadRun}: a window that ends when
 * enough requests have completed, however long they take, and a clear failure when the run ended or stalled.
 */
final class Completions {

  /** How long a wait goes on without any request completing before it calls the run stuck. */
  static final Duration STUCK_AFTER = Duration.ofMinutes(2);

  private Completions() {}

  /**
   * Returns once {@code count} more requests have completed than when it was called. The caller's run notifies
   * {@code lock} on each completion and when it ends.
   *
   * @param completed how many have completed so far; read under {@code lock}
   * @param ended whether the run can complete no more; read under {@code lock}
   * @param run what runs, {@code "traffic run"} or {@code "load"}, for messages
   * @param call the call waiting, such as {@code "awaitRequests(20)"}, for messages
   */
  static void await(Object lock, IntSupplier completed, BooleanSupplier ended, int count, String run, String call) {
    if (count < 1) {
      throw new IllegalArgumentException(call + ": use 1 or more");
    }
    synchronized (lock) {
      int target = completed.getAsInt() + count;
      int seen = completed.getAsInt();
      long stuckAt = System.nanoTime() + STUCK_AFTER.toNanos();
      while (completed.getAsInt() < target) {
        if (ended.getAsBoolean()) {
          throw new IllegalStateException(call + ": the " + run + " ended after " + completed.getAsInt() + " requests, before "
              + target);
        }
        if (completed.getAsInt() > seen) {
          seen = completed.getAsInt();
          stuckAt = System.nanoTime() + STUCK_AFTER.toNanos();
        }
        long left = stuckAt - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(call + ": no request completed for " + STUCK_AFTER.toMinutes()
              + " minutes; the load balancer does not answer");
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for requests", e);
        }
      }
    }
  }
}
