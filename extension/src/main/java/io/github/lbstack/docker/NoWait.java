package io.github.lbstack.docker;

import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Lets {@code start()} return as soon as the container runs. Readiness is checked by {@link Readiness} instead, for
 * all services at once and under one deadline, so a timeout can name every service that is not ready.
 */
final class NoWait extends AbstractWaitStrategy {

  @Override
  protected void waitUntilReady() {
    // Readiness is awaited by Readiness, across all services.
  }
}
