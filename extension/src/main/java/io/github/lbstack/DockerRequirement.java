package io.github.lbstack;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What a class gets when no Docker engine answers: skipped when it opted in, otherwise a clear error. */
final class DockerRequirement {

  private DockerRequirement() {}

  /**
   * @return a disabled result when Docker is missing and the class opted in; empty when Docker is available
   * @throws ExtensionConfigurationException when Docker is missing and the class did not opt in
   */
  static Optional<ConditionEvaluationResult> evaluate(boolean disabledWithoutDocker, boolean dockerAvailable,
      Class<?> testClass) {
    if (dockerAvailable) {
      return Optional.empty();
    }
    if (disabledWithoutDocker) {
      return Optional.of(ConditionEvaluationResult.disabled("@LoadBalancedStack(disabledWithoutDocker = true) on ["
          + testClass.getName() + "]: no Docker engine answered"));
    }
    throw new ExtensionConfigurationException("@LoadBalancedStack on [" + testClass.getName() + "] needs a Docker "
        + "engine, and none answered. Start Docker (or point DOCKER_HOST at a running engine), or set "
        + "@LoadBalancedStack(disabledWithoutDocker = true) to skip this class when Docker is missing.");
  }
}
