package io.github.lbstack.internal.core.readiness;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.Log;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;

/**
 * Starts services concurrently and waits until each one's readiness check passes, all under one deadline. Start
 * order between services is expressed with futures ({@link #start(Service, CompletableFuture)}).
 */
public final class ParallelStartup implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration STATE_EVERY = Duration.ofMillis(500);
  private static final int LOG_TAIL_LINES = 20;
  private static final String ABANDONED = "not waited for any longer, once another service had failed";
  /** A service whose start waits for another one's: after a failure it is abandoned, never started. */
  private static final String WAITING_TO_START = "waiting to start";

  private final String stackId;
  private final long startNanos = System.nanoTime();
  private volatile long deadlineNanos;
  private final Duration timeout;
  private final ExecutorService executor;
  private final Map<Service, String> problems = new LinkedHashMap<>();
  private final Map<Service, CompletableFuture<Void>> ready = new LinkedHashMap<>();
  private final java.util.function.Consumer<Service> afterStart;
  private volatile boolean aborted;
  /** Whether the first failure was running out of time: it words the report's headline and its advice. */
  private volatile boolean timedOut;
  private volatile String firstFailure;
  /** The service that failed first, when it failed by crashing: its app's other services may crash alike. */
  private volatile Service firstCrash;
  private final Timeline timeline;
  /** What sets the timeout, for the hint of a report that ran out of it. */
  private final String timeoutSetting;

  /** @param afterStart runs once a container runs, before its readiness checks: where it can fail fast */
  public ParallelStartup(String stackId, Duration timeout, java.util.function.Consumer<Service> afterStart,
      Timeline timeline) {
    this(stackId, timeout, "lbstack.startup.timeout", afterStart, timeline);
  }

  /** @param timeoutSetting what sets {@code timeout}, for the hint when it runs out */
  public ParallelStartup(String stackId, Duration timeout, String timeoutSetting,
      java.util.function.Consumer<Service> afterStart, Timeline timeline) {
    this.timeoutSetting = timeoutSetting;
    this.stackId = stackId;
    this.timeline = timeline;
    this.afterStart = afterStart;
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
  public CompletableFuture<Void> start(Service service) {
    return start(service, CompletableFuture.completedFuture(null));
  }

  /** Completes when the service passed its readiness check; only after {@link #start} of that service. */
  public CompletableFuture<Void> readiness(Service service) {
    synchronized (problems) {
      return ready.get(service);
    }
  }

  /** Starts the container once {@code after} completes; the returned future completes when it runs. */
  public CompletableFuture<Void> start(Service service, CompletableFuture<?> after) {
    synchronized (problems) {
      problems.put(service, WAITING_TO_START);
    }
    // A service that waits for another one is not started once that one failed; its line in the report must say
    // so, not repeat the other's error as its own.
    CompletableFuture<Void> running = after.<Void>handle((ok, error) -> {
      if (error != null) {
        throw new ServiceFailedException(ABANDONED, null);
      }
      return null;
    }).thenRunAsync(() -> {
      failIfAborted();
      problem(service, "container starting");
      timeline.mark(service.name(), "create and start");
      try {
        service.container().start();
      } catch (RuntimeException e) {
        throw startFailed(service, e);
      }
      LOG.info("lbstack {}: {} container started at {}", stackId, service.name(), elapsed());
      timeline.mark(service.name(), "running");
      afterStart.accept(service);
    }, executor);
    CompletableFuture<Void> serviceReady = running.thenRunAsync(() -> awaitReady(service), executor);
    serviceReady.whenComplete((ok, error) -> {
      if (error != null) {
        failed(service, error);
      }
    });
    synchronized (problems) {
      ready.put(service, serviceReady);
    }
    return running;
  }

  private void awaitReady(Service service) {
    problem(service, "not checked yet");
    StateChecks stateChecks = new StateChecks();
    try {
      await(service.name() + " ready")
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .atMost(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())))
          .ignoreExceptionsMatching(e -> !(e instanceof ServiceFailedException))
          .until(() -> isReady(service, stateChecks));
    } catch (ConditionTimeoutException e) {
      throw new ServiceFailedException(problemOf(service), e);
    }
    problem(service, null);
    timeline.mark(service.name(), "ready");
    LOG.info("lbstack {}: {} ready at {}", stackId, service.name(), elapsed());
  }

  private boolean isReady(Service service, StateChecks stateChecks) throws Exception {
    // A crash is reported as a crash, even when another service failed first. Asking the engine at every poll of
    // every service was a fifth of the test JVM's CPU time in a start (and the engine's share besides), so it is
    // asked at the first poll and then every STATE_EVERY: a crash is still named within half a second.
    if (stateChecks.due()) {
      ContainerState state = service.container().state();
      if (state.status() == ContainerState.Status.EXITED || state.status() == ContainerState.Status.MISSING) {
        throw ServiceFailedException.crashed(crash(state));
      }
    }
    failIfAbandoned(service);
    try {
      service.check().check();
      return true;
    } catch (Exception e) {
      problem(service, rootMessage(e));
      throw e;
    }
  }

  /**
   * A start that failed. An app that exits at once (a JVM that refuses its options) can be gone before the engine
   * says where its ports are, which fails the start itself: that is a crash, and is reported and watched as one.
   */
  private static ServiceFailedException startFailed(Service service, RuntimeException error) {
    ContainerState state = null;
    try {
      state = service.container().state();
    } catch (RuntimeException unknown) {
      // What the start said is all there is to say.
    }
    if (state != null && state.status() == ContainerState.Status.EXITED && state.exitCode() != null) {
      return ServiceFailedException.crashed(crash(state) + " as it started (" + rootMessage(error) + ")");
    }
    return new ServiceFailedException("container did not start: " + rootMessage(error), error);
  }

  /**
   * A service that will not get ready. The first failure that is not an abandonment is the stack's cause, and says
   * whether it ran out of time. It is recorded before the abort is: when it is a crash, the other services of its app
   * must see it and go on, not abandon their start.
   */
  private void failed(Service service, Throwable error) {
    String problem = rootMessage(error);
    boolean crashedFirst = false;
    synchronized (problems) {
      problems.put(service, problem);
      if (firstFailure == null && !problem.equals(ABANDONED)) {
        firstFailure = service.name() + ": " + problem;
        if (rootCause(error) instanceof ServiceFailedException failed) {
          timedOut = failed.getCause() instanceof ConditionTimeoutException;
          if (failed.crashed()) {
            firstCrash = service;
            crashedFirst = true;
          }
        }
      }
    }
    aborted = true;
    if (crashedFirst) {
      logFollowed(service);
    }
  }

  /** A user waiting for the report learns why it has not come yet. */
  private void logFollowed(Service crashed) {
    List<String> followed = new ArrayList<>();
    synchronized (problems) {
      ready.forEach((service, readiness) -> {
        if (!readiness.isDone() && followedAfterCrash(service) && !WAITING_TO_START.equals(problems.get(service))) {
          followed.add(service.name());
        }
      });
    }
    if (!followed.isEmpty()) {
      LOG.info("lbstack {}: {} crashed; waiting for {} until each one crashes too or gets ready, for the report "
          + "(at most {} s more: the start-up timeout)", stackId, crashed.name(), String.join(", ", followed),
          Math.max(0, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime())));
    }
  }

  /**
   * Waits for every service, then releases the startup threads. On failure, the remaining work stops before this
   * throws, so no container is created after the caller starts cleaning up.
   */
  public void awaitAll() {
    List<CompletableFuture<Void>> all;
    synchronized (problems) {
      all = new ArrayList<>(ready.values());
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(Math.max(1, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      synchronized (problems) {
        // A start that outlasted the deadline with no readiness loop to say so (a create that hangs).
        timedOut |= firstFailure == null && e instanceof TimeoutException;
      }
      aborted = true;
      close();
      throw new StartupFailedException(report(), e);
    }
    close();
  }

  /**
   * The timeout counts from now. What a stack's start does once per image (pull a missing one, build a jar's image,
   * warm a database, hand an image to every swarm node) has bounds of its own and can take a minute on a fresh
   * engine; counting it here would time out the first stack of a run, not a slow service.
   */
  public void startClock() {
    deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  public String elapsed() {
    return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private String report() {
    StringBuilder message = new StringBuilder("lbstack stack " + stackId);
    if (timedOut) {
      message.append(" did not become ready within its timeout of ").append(timeout.toSeconds()).append(" s.");
    } else {
      message.append(" failed to start after ").append(elapsed()).append(": ").append(firstFailure()).append('.');
    }
    message.append(" Not ready:");
    synchronized (problems) {
      problems.forEach((service, problem) -> {
        if (problem == null) {
          return;
        }
        message.append("\n  - ").append(service.name()).append(": ").append(problem);
        if (problem.equals(ABANDONED)) {
          // Its log would only bury the logs of the services that failed.
          return;
        }
        String tail = service.logTail(LOG_TAIL_LINES);
        if (!tail.isBlank()) {
          message.append("\n    last log lines:\n      ").append(tail.replace("\n", "\n      "));
        }
      });
    }
    if (timedOut) {
      message.append("\nIf the machine is only slow, raise ").append(timeoutSetting).append(" (now ")
          .append(timeout.toSeconds())
          .append(" s).");
    }
    return message.toString();
  }

  /** The service that failed first, and why; abandoned starts are consequences, not causes. */
  private String firstFailure() {
    return firstFailure == null ? "a service failed" : firstFailure;
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
      throw new ServiceFailedException(ABANDONED, null);
    }
  }

  /**
   * A readiness loop's abort. Replicas of one app with one bad setting crash alike, but not at the same instant: after
   * a crash, the other services of its app go on until each one crashes too (and is reported as exited) or gets ready
   * (and leaves the report: the crash was the other one's own), or its start-up timeout ends it.
   */
  private void failIfAbandoned(Service service) {
    // The abort first: the crash is recorded before it, so a loop that sees the abort sees the crash too.
    // Once closed (the executor shut down), no one waits for a report: the followed loops end too.
    if (executor.isShutdown() || aborted && !followedAfterCrash(service)) {
      throw new ServiceFailedException(ABANDONED, null);
    }
  }

  private boolean followedAfterCrash(Service service) {
    Service crashed = firstCrash;
    return crashed != null && crashed != service && crashed.app().equals(service.app());
  }

  /** A container that stopped on its own, as the report says it. */
  private static String crash(ContainerState state) {
    return "container " + (state.exitCode() == null ? "is gone" : "exited with code " + state.exitCode());
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = rootCause(error);
    if (cause instanceof ServiceFailedException || cause instanceof NotReadyException) {
      return cause.getMessage();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  /** What failed, under the wrappers of futures and of exceptions that say nothing themselves. */
  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException || cause.getMessage() == null)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Ends the start: what has not started yet never will, and readiness loops end at their next poll. A caller that
   * fails outside {@link #awaitAll} (a user's lb config that does not pass its check while the services it names
   * start) then cleans up at once, not after those services got ready or ran out of time.
   */
  @Override
  public void close() {
    // After awaitAll, every start has ended: this changes nothing then.
    aborted = true;
    executor.shutdown();
    try {
      // No interrupts: a thread inside container.start() must finish it, or Docker could create a container that
      // nobody tracks. Readiness loops, those that follow a crash included, end at their next poll.
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("lbstack {}: startup threads still busy after 60 s", stackId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** When one readiness loop next asks the engine for its container's state; each loop polls in its own thread. */
  private static final class StateChecks {

    private long next = System.nanoTime();

    /** Whether to ask now: at the first poll, then once every {@code STATE_EVERY}. */
    boolean due() {
      long now = System.nanoTime();
      if (now - next < 0) {
        return false;
      }
      next = now + STATE_EVERY.toNanos();
      return true;
    }
  }
}
