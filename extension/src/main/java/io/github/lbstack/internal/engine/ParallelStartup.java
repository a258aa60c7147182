package io.github.lbstack.internal.engine;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.backend.ContainerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services concurrently and waits until each one's readiness check passes, all under one deadline. Start
 * order between services is expressed with futures ({@link #start(Service, CompletableFuture)}).
 */
final class ParallelStartup implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int LOG_TAIL_LINES = 20;

  private final String stackId;
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private final Duration timeout;
  private final ExecutorService executor;
  private final Map<Service, String> problems = new LinkedHashMap<>();
  private final Map<Service, CompletableFuture<Void>> ready = new LinkedHashMap<>();
  private volatile boolean aborted;

  ParallelStartup(String stackId, Duration timeout) {
    this.stackId = stackId;
    this.timeout = timeout;
    this.deadlineNanos = startNanos + timeout.toNanos();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "lbstack-" + stackId + "-start-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts the container now, in the background; the returned future completes when the container runs. */
  CompletableFuture<Void> start(Service service) {
    return start(service, CompletableFuture.completedFuture(null));
  }

  /** Starts the container once {@code after} completes; the returned future completes when it runs. */
  CompletableFuture<Void> start(Service service, CompletableFuture<?> after) {
    synchronized (problems) {
      problems.put(service, "waiting to start");
    }
    CompletableFuture<Void> running = after.thenRunAsync(() -> {
      failIfAborted();
      problem(service, "container starting");
      try {
        service.container().start();
      } catch (RuntimeException e) {
        throw new ServiceFailedException("container did not start: " + rootMessage(e), e);
      }
      LOG.info("lbstack {}: {} container started at {}", stackId, service.name(), elapsed());
    }, executor);
    CompletableFuture<Void> serviceReady = running.thenRunAsync(() -> awaitReady(service), executor);
    serviceReady.whenComplete((ok, error) -> {
      if (error != null) {
        aborted = true;
        problem(service, rootMessage(error));
      }
    });
    synchronized (problems) {
      ready.put(service, serviceReady);
    }
    return running;
  }

  private void awaitReady(Service service) {
    problem(service, "not checked yet");
    try {
      await(service.name() + " ready")
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .atMost(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())))
          .ignoreExceptionsMatching(e -> !(e instanceof ServiceFailedException))
          .until(() -> isReady(service));
    } catch (ConditionTimeoutException e) {
      throw new ServiceFailedException(problemOf(service), e);
    }
    problem(service, null);
    LOG.info("lbstack {}: {} ready at {}", stackId, service.name(), elapsed());
  }

  private boolean isReady(Service service) throws Exception {
    failIfAborted();
    ContainerState state = service.container().state();
    if (state.status() == ContainerState.Status.EXITED || state.status() == ContainerState.Status.MISSING) {
      throw new ServiceFailedException("container " + (state.exitCode() == null ? "is gone"
          : "exited with code " + state.exitCode()), null);
    }
    try {
      service.check().check();
      return true;
    } catch (Exception e) {
      problem(service, rootMessage(e));
      throw e;
    }
  }

  /**
   * Waits for every service, then releases the startup threads. On failure, the remaining work stops before this
   * throws, so no container is created after the caller starts cleaning up.
   */
  void awaitAll() {
    List<CompletableFuture<Void>> all;
    synchronized (problems) {
      all = new ArrayList<>(ready.values());
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(Math.max(1, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      aborted = true;
      close();
      throw new StartupFailedException(report(), e);
    }
    close();
  }

  String elapsed() {
    return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private String report() {
    StringBuilder message = new StringBuilder("lbstack stack " + stackId + " did not become ready (timeout "
        + timeout.toSeconds() + " s, " + elapsed() + " elapsed). Not ready:");
    synchronized (problems) {
      problems.forEach((service, problem) -> {
        if (problem == null) {
          return;
        }
        message.append("\n  - ").append(service.name()).append(": ").append(problem);
        String tail = service.logTail(LOG_TAIL_LINES);
        if (!tail.isBlank()) {
          message.append("\n    last log lines:\n      ").append(tail.replace("\n", "\n      "));
        }
      });
    }
    message.append("\nIf the machine is only slow, raise lbstack.startup.timeout (now ").append(timeout.toSeconds())
        .append(" s).");
    return message.toString();
  }

  private void problem(Service service, String problem) {
    synchronized (problems) {
      problems.put(service, problem);
    }
  }

  private String problemOf(Service service) {
    synchronized (problems) {
      return problems.get(service);
    }
  }

  private void failIfAborted() {
    if (aborted) {
      throw new ServiceFailedException("start abandoned because another service failed", null);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException || cause.getMessage() == null)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ServiceFailedException || cause instanceof NotReadyException) {
      return cause.getMessage();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      // No interrupts: a thread inside container.start() must finish it, or Docker could create a container that
      // nobody tracks. Readiness loops notice the abort at their next poll.
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("lbstack {}: startup threads still busy after 60 s", stackId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
