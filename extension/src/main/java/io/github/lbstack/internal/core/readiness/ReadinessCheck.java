package io.github.lbstack.internal.core.readiness;

/** Throws, with a message that says why, while a service is not ready. */
@FunctionalInterface
public interface ReadinessCheck {

  ReadinessCheck NONE = () -> { };

  void check() throws Exception;
}
