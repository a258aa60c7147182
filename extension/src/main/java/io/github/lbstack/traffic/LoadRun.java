package io.github.lbstack.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * A load from {@link Load#start()}, running until {@link #stop()}. A scheduler thread starts each request when it is
 * due and never waits for an answer; answers are recorded as they come. Closing a run that was not stopped stops it.
 */
public final class LoadRun implements AutoCloseable {

  /** A request that has not answered by then counts as an error. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpRequest request;
  private final String identityHeader;
  private final int rate;
  private final UnaryOperator<String> versionOf;
  private final Set<String> replicas;
  private final HttpClient client;
  private final ExecutorService executor;
  private final Thread scheduler;
  private final long startedNanos = System.nanoTime();
  private final List<LoadResult.Sample> samples = new ArrayList<>();
  /** How late the scheduler started each request, in ns: the generator's own lag. */
  private final Histogram sendLag = new Histogram(3);
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopping;
  private long endedNanos;
  private LoadResult result;
  private final java.util.function.Consumer<LoadResult> onEnd;

  LoadRun(URI uri, Map<String, String> headers, String identityHeader, int rate, KeyStore trust,
      UnaryOperator<String> versionOf, Set<String> replicas, java.util.function.Consumer<LoadResult> onEnd) {
    this.onEnd = onEnd;
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
    headers.forEach(builder::header);
    this.request = builder.build();
    this.identityHeader = identityHeader;
    this.rate = rate;
    this.versionOf = versionOf;
    this.replicas = Set.copyOf(replicas);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "lbstack-load-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(2));
    if (trust != null) {
      http.sslContext(LoadTls.trusting(trust));
    }
    this.client = http.build();
    this.scheduler = new Thread(this::schedule, "lbstack-load-scheduler");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  private void schedule() {
    long period = 1_000_000_000L / rate;
    for (long i = 0; !stopping; i++) {
      long due = startedNanos + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0 && !stopping) {
        LockSupport.parkNanos(wait);
      }
      if (stopping) {
        return;
      }
      long lag = System.nanoTime() - due;
      synchronized (sendLag) {
        sendLag.recordValue(Math.max(0, lag));
      }
      inFlight.incrementAndGet();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        long latency = System.nanoTime() - due;
        LoadResult.Sample sample;
        if (error != null) {
          Throwable cause = error.getCause() != null ? error.getCause() : error;
          sample = new LoadResult.Sample(due, latency, null, null, 0, cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } else {
          String replica = response.headers().firstValue(identityHeader).orElse(null);
          int status = response.statusCode();
          String failure = status < 200 || status >= 400 ? "status " + status
              : replica == null ? "no " + identityHeader + " header" : null;
          sample = new LoadResult.Sample(due, latency, replica, replica == null ? null : versionOf.apply(replica),
              status, failure);
        }
        synchronized (samples) {
          samples.add(sample);
          samples.notifyAll();
        }
        inFlight.decrementAndGet();
      });
    }
  }

  /** {@return how many requests have answered (or failed) so far} */
  public int completed() {
    synchronized (samples) {
      return samples.size();
    }
  }

  /**
   * Returns once {@code count} more requests have answered or failed than when it was called.
   *
   * @param count 1 or more
   * @return this run, for chaining
   * @throws IllegalStateException when the run was stopped, or no request completed for two minutes
   */
  public LoadRun awaitCompleted(int count) {
    Completions.await(samples, samples::size, () -> stopping, count, "load",
        "awaitCompleted(" + count + ")");
    return this;
  }

  /**
   * Stops starting requests, waits for those in flight (each answers or times out within 10 s), and returns what
   * the run saw. Calling it again returns the same result.
   *
   * @return every request, with its latency from when it was due
   */
  public synchronized LoadResult stop() {
    if (result == null) {
      stopping = true;
      endedNanos = System.nanoTime();
      try {
        scheduler.join();
        long limit = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(5).toNanos();
        synchronized (samples) {
          while (inFlight.get() > 0 && System.nanoTime() < limit) {
            samples.wait(100);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        executor.shutdownNow();
      }
      List<LoadResult.Sample> ordered;
      synchronized (samples) {
        ordered = new ArrayList<>(samples);
      }
      ordered.sort(java.util.Comparator.comparingLong(LoadResult.Sample::dueNanos));
      Histogram lag;
      synchronized (sendLag) {
        lag = sendLag.copy();
      }
      result = new LoadResult(ordered, replicas, rate, startedNanos, endedNanos, lag);
      onEnd.accept(result);
    }
    return result;
  }

  @Override
  public void close() {
    stop();
  }
}
