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

  /**
   * Closes one resource ahead of the rest (a replica scaled away, a container removed at the teardown): once it has
   * closed it is forgotten, so the final {@link #close()} does not close it again; when its close fails it stays
   * registered, and the final close tries again.
   *
   * @throws RuntimeException what the resource's close threw, a checked exception wrapped
   */
  public void closeNow(AutoCloseable resource) {
    try {
      resource.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw couldNotClose(nameOf(resource), e);
    }
    synchronized (this) {
      stack.removeIf(named -> named.resource() == resource);
    }
  }

  private synchronized String nameOf(AutoCloseable resource) {
    return stack.stream().filter(named -> named.resource() == resource).map(Named::name).findFirst()
        .orElse(String.valueOf(resource));
  }

  private static IllegalStateException couldNotClose(String name, Exception e) {
    return new IllegalStateException("lbstack could not close " + name + ": " + e, e);
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
          failure = couldNotClose(next.name(), e);
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
