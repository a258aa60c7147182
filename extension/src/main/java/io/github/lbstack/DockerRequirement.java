package io.github.lbstack;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What a class gets when no Docker engine answers: skipped when it opted in, otherwise a clear error. */
final class DockerRequirement {

  private DockerRequirement() {}

  /**
   * @param where names the stack's definition, for example {@code "@LoadBalancedStack on [com.example.ShopIT]"}
   * @return a disabled result when Docker is missing and the class opted in; empty when Docker is available
   * @throws ExtensionConfigurationException when Docker is missing and the class did not opt in
   */
  static Optional<ConditionEvaluationResult> evaluate(boolean disabledWithoutDocker, boolean dockerAvailable,
      String where) {
    if (dockerAvailable) {
      return Optional.empty();
    }
    if (disabledWithoutDocker) {
      return Optional.of(ConditionEvaluationResult.disabled(where + " has disabledWithoutDocker = true, and no Docker "
          + "engine answered"));
    }
    throw new ExtensionConfigurationException(where + " needs a Docker engine, and none answered. Start Docker (or "
        + "point DOCKER_HOST at a running engine), or set disabledWithoutDocker = true to skip this class when Docker "
        + "is missing.");
  }
}
