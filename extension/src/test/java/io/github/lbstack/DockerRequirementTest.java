package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class DockerRequirementTest {

  @Test
  void passesWhenDockerAnswers() {
    assertThat(DockerRequirement.evaluate(false, true, "@LoadBalancedStack on [java.lang.String]")).isEmpty();
    assertThat(DockerRequirement.evaluate(true, true, "@LoadBalancedStack on [java.lang.String]")).isEmpty();
  }

  @Test
  void disablesAClassThatOptedIn() {
    ConditionEvaluationResult result = DockerRequirement.evaluate(true, false, "@LoadBalancedStack on [java.lang.String]").orElseThrow();

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).contains("@LoadBalancedStack on [java.lang.String] has disabledWithoutDocker = "
        + "true, and no Docker engine answered");
  }

  @Test
  void failsAClassThatDidNotOptInSayingHowToProvideDocker() {
    assertThatThrownBy(() -> DockerRequirement.evaluate(false, false, "@LoadBalancedStack on [java.lang.String]"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@LoadBalancedStack on [java.lang.String] needs a Docker engine, and none answered. Start Docker "
            + "(or point DOCKER_HOST at a running engine), or set disabledWithoutDocker = true to skip this class "
            + "when Docker is missing.");
  }
}
