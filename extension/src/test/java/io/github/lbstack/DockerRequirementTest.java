package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class DockerRequirementTest {

  @Test
  void passesWhenDockerAnswers() {
    assertThat(DockerRequirement.evaluate(false, true, String.class)).isEmpty();
    assertThat(DockerRequirement.evaluate(true, true, String.class)).isEmpty();
  }

  @Test
  void disablesAClassThatOptedIn() {
    ConditionEvaluationResult result = DockerRequirement.evaluate(true, false, String.class).orElseThrow();

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).contains("@LoadBalancedStack(disabledWithoutDocker = true) on "
        + "[java.lang.String]: no Docker engine answered");
  }

  @Test
  void failsAClassThatDidNotOptInSayingHowToProvideDocker() {
    assertThatThrownBy(() -> DockerRequirement.evaluate(false, false, String.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@LoadBalancedStack on [java.lang.String] needs a Docker engine, and none answered. Start Docker "
            + "(or point DOCKER_HOST at a running engine), or set @LoadBalancedStack(disabledWithoutDocker = true) to "
            + "skip this class when Docker is missing.");
  }
}
