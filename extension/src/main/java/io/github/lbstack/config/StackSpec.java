package io.github.lbstack.config;

import io.github.lbstack.Balance;
import java.time.Duration;

/** Everything needed to start a stack, already validated. Build it with {@link StackSpecBuilder}. */
public record StackSpec(int replicas, WebSpec web, Images images, Duration startupTimeout,
    Duration healthCheckInterval, Balance balance, boolean stickyCookie) {}
