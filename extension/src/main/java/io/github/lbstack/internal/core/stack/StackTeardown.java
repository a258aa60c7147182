package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.core.readiness.Service;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;

/**
 * How a stack ends: either it is let go and left running for the next run, or every container goes and then the
 * network. Kept apart from {@link CoreStack} so that what a stack is and how it is taken down read separately.
 */
final class StackTeardown {

  private static final Logger LOG = Log.LBSTACK;
  private static final long REMOVAL_WAIT_MILLIS = 60_000;

  private final String id;
  private final Resources resources;

  StackTeardown(String id, Resources resources) {
    this.id = id;
    this.resources = resources;
  }

  /** A stack kept for reuse: its containers stay, and the user is told how to remove them. */
  void leaveRunning(String removeCommand) {
    LOG.info("lbstack {}: left running for the next run (lbstack.reuse=true); remove reusable stacks with: {}", id,
        removeCommand);
  }

  /**
   * Nothing is in flight once a stack closes, so its containers need no order among themselves; removing them at
   * once takes the time of the slowest instead of the sum. Each one removed is forgotten by {@link Resources}; what
   * is left (a removal that failed) and then the network go through it, in reverse order of creation, which tries
   * again and reports.
   */
  void removeAll(Collection<Service> services) {
    LOG.info("lbstack {}: stopping", id);
    try {
      removeAtOnce(List.copyOf(services));
    } finally {
      resources.close();
    }
  }

  private void removeAtOnce(List<Service> all) {
    Thread[] threads = new Thread[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Service service = all.get(i);
      threads[i] = new Thread(() -> {
        try {
          resources.closeNow(service);
        } catch (RuntimeException e) {
          LOG.debug("lbstack {}: removing {} failed, retried in order: {}", id, service.name(), e.toString());
        }
      }, "lbstack-" + id + "-remove-" + service.name());
      threads[i].start();
    }
    for (Thread thread : threads) {
      try {
        thread.join(REMOVAL_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
