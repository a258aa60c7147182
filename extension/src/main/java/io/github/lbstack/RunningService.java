package io.github.lbstack;

import java.net.InetSocketAddress;

/**
 * Another service of a running stack ({@link Service}), for the tests: where to reach it, its log, and drills to see
 * what the app does when it is gone. No lb watches a service, so each drill returns once the container has acted.
 */
public interface RunningService {

  /** {@return its name, which is also its host name on the stack's network} */
  String name();

  /** {@return where the test JVM reaches its port} */
  InetSocketAddress address();

  /** {@return everything it has logged so far} */
  String logs();

  /**
   * Kills it (SIGKILL).
   *
   * @return this service
   */
  RunningService kill();

  /**
   * Stops it (SIGTERM, then SIGKILL after 10 s).
   *
   * @return this service
   */
  RunningService stop();

  /**
   * Starts it again after {@link #kill()} or {@link #stop()}, and returns once it is ready again.
   *
   * @return this service
   */
  RunningService start();

  /**
   * Restarts it, and returns once it is ready again.
   *
   * @return this service
   */
  RunningService restart();

  /**
   * Freezes it: connections stay open, nothing answers.
   *
   * @return this service
   */
  RunningService pause();

  /**
   * Thaws it after {@link #pause()}.
   *
   * @return this service
   */
  RunningService unpause();

  /**
   * Takes it off the stack's network: the replicas cannot reach it.
   *
   * @return this service
   */
  RunningService disconnect();

  /**
   * Puts it back on the stack's network under its name.
   *
   * @return this service
   */
  RunningService reconnect();
}
