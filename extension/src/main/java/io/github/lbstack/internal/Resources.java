package io.github.lbstack.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * Things to close, closed in reverse order of registration. Every close is attempted; the first failure is thrown
 * with the others suppressed, so one stuck container never keeps the rest alive.
 */
public final class Resources implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;

  private record Named(String name, AutoCloseable resource) {}

  private final Deque<Named> stack = new ArrayDeque<>();
  private final java.util.List<String> notClosed = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** {@return what could not be closed, by name: left behind, unless a sweep gets it later} */
  public java.util.List<String> notClosed() {
    return java.util.List.copyOf(notClosed);
  }

  public synchronized void add(String name, AutoCloseable resource) {
    stack.push(new Named(name, resource));
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (true) {
      Named next;
      synchronized (this) {
        next = stack.poll();
      }
      if (next == null) {
        break;
      }
      try {
        next.resource().close();
      } catch (Exception e) {
        LOG.warn("lbstack: closing {} failed: {}", next.name(), e.toString());
        notClosed.add(next.name());
        if (failure == null) {
          failure = new IllegalStateException("lbstack could not close " + next.name() + ": " + e, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes everything after a failed start, attaching cleanup failures to the original error. */
  public void closeAfter(Throwable cause) {
    try {
      close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
