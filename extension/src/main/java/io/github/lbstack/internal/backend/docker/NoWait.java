package io.github.lbstack.internal.backend.docker;

import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Lets {@code start()} return as soon as the container runs. The engine checks readiness itself, for all services at
 * once and under one deadline, so a timeout can name every service that is not ready.
 */
final class NoWait extends AbstractWaitStrategy {

  @Override
  protected void waitUntilReady() {
    // Readiness is the engine's job.
  }
}
