package io.github.lbstack.internal.lb;

import java.time.Duration;

/**
 * How the lb (or lbstack for it) checks a replica, the same on every balancer.
 *
 * @param interval how often a replica in rotation is checked
 * @param timeout how long one check may take before it counts as failed: a replica that answers its health check
 *     slower than this (a busy CI machine, a health check that asks the database) is taken out of rotation
 */
public record HealthCheck(Duration interval, Duration timeout) {

  /** A check that is slow but answers is not a dead replica; 2 s has been HAProxy's timeout here since 0.1.0. */
  static final Duration MIN_DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * {@return the timeout when none is configured: four intervals, at least 2 s} Four intervals keep a check that
   * takes longer than one interval from failing (HAProxy does not start the next check of a server before the last
   * one ends).
   */
  public static Duration defaultTimeout(Duration interval) {
    Duration four = interval.multipliedBy(4);
    return four.compareTo(MIN_DEFAULT_TIMEOUT) > 0 ? four : MIN_DEFAULT_TIMEOUT;
  }

  /** {@return the interval in milliseconds, at least 10 (the lbs' finest useful grain)} */
  long intervalMillis() {
    return Math.max(10, interval.toMillis());
  }

  /** {@return the timeout in milliseconds, at least 1} */
  long timeoutMillis() {
    return Math.max(1, timeout.toMillis());
  }
}
