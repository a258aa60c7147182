package io.github.lbstack.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Traffic that runs in the background from {@link Traffic#start()} until {@link #stop()}, so that each window a test
 * measures ends when the step it measures has ended, whatever the machine's speed:
 *
 * <pre>{@code
 * try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
 *   long before = System.nanoTime();
 *   traffic.awaitRequests(30);          // enough to reach every replica, however long that takes
 *   long scaled = System.nanoTime();
 *   stack.scaleTo(5);                   // the window ends when the scaling has ended
 *   Distribution served = traffic.stop();
 *   assertThat(served.sentBetween(before, scaled)).coversExactly("web-1", "web-2", "web-3");
 * }
 * }</pre>
 *
 * <p>Closing a run that was not stopped stops it and drops what it saw, so a failed assertion leaves no thread
 * sending.
 */
public final class TrafficRun implements AutoCloseable {

  private final List<Served> served = new ArrayList<>();
  private final Set<String> replicas;
  private final ExecutorService executor;
  private final List<Future<?>> clients = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  /** Clients still sending; guarded by {@code served}, whose waiters are woken when the last one ends. */
  private int sending;
  private volatile boolean stopping;
  private Distribution result;
  private final java.util.function.Consumer<Distribution> onEnd;

  /**
   * @param more whether to send the request with this 0-based number; the run also ends at {@link #stop()}
   * @param sender one per client, given its number from 1: sends one request and says what happened
   */
  TrafficRun(int clients, IntPredicate more, java.util.function.IntFunction<Supplier<Served>> sender,
      Set<String> replicas) {
    this(clients, more, sender, replicas, run -> { });
  }

  /** @param onEnd told of the run once, when it has ended */
  TrafficRun(int clients, IntPredicate more, java.util.function.IntFunction<Supplier<Served>> sender,
      Set<String> replicas, java.util.function.Consumer<Distribution> onEnd) {
    this.onEnd = onEnd;
    this.replicas = replicas;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(clients, runnable -> {
      Thread thread = new Thread(runnable, "lbstack-traffic-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.sending = clients;
    for (int i = 0; i < clients; i++) {
      Supplier<Served> client = sender.apply(i + 1);
      this.clients.add(executor.submit(() -> {
        try {
          while (!stopping && more.test(started.getAndIncrement())) {
            Served request = client.get();
            synchronized (served) {
              served.add(request);
              served.notifyAll();
            }
          }
        } finally {
          // A waiter must learn that the run ended as soon as it has, not when its own wait runs out.
          synchronized (served) {
            sending--;
            served.notifyAll();
          }
        }
      }));
    }
    executor.shutdown();
  }

  /** {@return how many requests have completed so far, served or failed} */
  public int completed() {
    synchronized (served) {
      return served.size();
    }
  }

  /**
   * Returns once {@code count} more requests have completed (served or failed) than when it was called.
   *
   * @param count how many requests
   * @return this run, for chaining
   * @throws IllegalStateException when the run has ended first, or no request completed for two minutes
   */
  public TrafficRun awaitRequests(int count) {
    Completions.await(served, served::size, () -> stopping || sending == 0, count, "traffic run",
        "awaitRequests(" + count + ")");
    return this;
  }

  /**
   * Stops sending, waits for the requests in flight, and returns every request in the order they were sent. Calling
   * it again returns the same distribution.
   *
   * @return every request, in the order they were sent
   */
  public Distribution stop() {
    return finish(true);
  }

  /** Waits until the run ends by itself (a count was reached), and returns every request in send order. */
  Distribution join() {
    return finish(false);
  }

  /** @param early whether to stop the clients after their current request rather than let them run out */
  private synchronized Distribution finish(boolean early) {
    if (result == null) {
      if (early) {
        stopping = true;
      }
      awaitClients();
      List<Served> ordered;
      synchronized (served) {
        ordered = new ArrayList<>(served);
      }
      ordered.sort(Comparator.comparingLong(Served::startNanos));
      result = new Distribution(ordered, replicas);
      onEnd.accept(result);
    }
    return result;
  }

  private void awaitClients() {
    try {
      for (Future<?> client : clients) {
        client.get();
      }
    } catch (Exception e) {
      executor.shutdownNow();
      throw new IllegalStateException("traffic run failed: " + e, e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
