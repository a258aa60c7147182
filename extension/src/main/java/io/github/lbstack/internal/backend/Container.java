package io.github.lbstack.internal.backend;

import java.time.Duration;

/**
 * A container of a stack, from its start to its removal, and the fault drills the core offers on replicas.
 * Drills return once the platform has acted; whether the lb noticed is the core's business.
 */
public interface Container extends AutoCloseable {

  /** The name it was created with. */
  String name();

  /** Creates and starts it; returns once it runs. */
  void start();

  /** The published address of a container port, as seen at start (cheap: no platform call). */
  Endpoint endpoint(int containerPort);

  /** The published address of a container port, asked of the platform now (a restart may change it). */
  Endpoint liveEndpoint(int containerPort);

  ContainerState state();

  /** Everything it wrote to stdout and stderr so far; empty when it was never created. */
  String logs();

  void kill();

  void stop(Duration grace);

  /** Stops it (SIGTERM, then SIGKILL after {@code grace}) and starts it again. */
  void restart(Duration grace);

  /** Starts it again after a kill or stop. */
  void startAgain();

  void pause();

  void unpause();

  /** Takes it off the stack's network. */
  void disconnect();

  /** Puts it back on the stack's network under its alias. */
  void reconnect();

  /**
   * Copies one file out of it, running or stopped.
   *
   * @throws UnsupportedOperationException where the platform cannot ({@link Backend#supportsTraining()})
   * @throws IllegalStateException when the file is not there
   */
  default void copyFileOut(String path, java.nio.file.Path target) {
    throw new UnsupportedOperationException("copying files out of " + name() + " is not supported here");
  }

  /**
   * Runs a command inside it and waits until it ends: the lb's control where the balancer has no API (nginx).
   *
   * @return the exit code and what it printed on stdout and stderr
   * @throws UnsupportedOperationException where the platform cannot ({@link Backend#supportsExec()})
   */
  Exec exec(java.util.List<String> command, Duration timeout);

  /**
   * Runs a one-off helper container in this container's network namespace, with {@code NET_ADMIN}, and waits until
   * it ends; the helper is removed either way. Network faults act there, so the app's image needs nothing.
   *
   * @param labels the helper's labels, so a sweep finds it if this JVM dies before removing it
   * @return the helper's exit code and output
   * @throws UnsupportedOperationException where the platform cannot ({@link Backend#supportsNetworkFaults()})
   */
  default Exec inNetworkNamespace(String image, java.util.List<String> command, java.util.Map<String, String> labels,
      Duration timeout) {
    throw new UnsupportedOperationException("this platform cannot run a helper in a container's network namespace");
  }

  /**
   * Starts a helper container that stays, in this container's network namespace (without extra capabilities): the
   * delaying proxy of a delay fault. It is removed when the handle is closed, or with the stack by its labels.
   *
   * @param labels the helper's labels, so a sweep finds it if this JVM dies before removing it
   * @throws UnsupportedOperationException where the platform cannot ({@link Backend#supportsNetworkFaults()})
   */
  default Helper startInNetworkNamespace(String image, java.util.List<String> command,
      java.util.Map<String, String> labels) {
    throw new UnsupportedOperationException("this platform cannot run a helper in a container's network namespace");
  }

  /** A helper started by {@link #startInNetworkNamespace}; closing it removes it. */
  interface Helper extends AutoCloseable {

    /** What it wrote so far. */
    String logs();

    /** Whether it still runs. */
    boolean running();

    @Override
    void close();
  }

  /** What a command run by {@link #exec} ended with. */
  record Exec(int exitCode, String output) {}

  /** Removes it, whatever its state; a no-op when it never existed or is gone already. */
  @Override
  void close();
}
