package io.github.lbstack.internal.lb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  /** A check at this interval with the timeout lbstack takes when none is configured. */
  static HealthCheck every(Duration interval) {
    return new HealthCheck(interval, HealthCheck.defaultTimeout(interval));
  }

  @Test
  void givesACheckFourIntervalsAndAtLeastTwoSecondsByDefault() {
    assertThat(HealthCheck.defaultTimeout(Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(2));
    assertThat(HealthCheck.defaultTimeout(Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(2));
    assertThat(HealthCheck.defaultTimeout(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void bothBalancersTimeOutAHealthCheckAtTheConfiguredTimeout() {
    HealthCheck slowAnswers = new HealthCheck(Duration.ofMillis(500), Duration.ofMillis(7500));

    assertThat(new HaproxyConfig("roundrobin", false, "/health", slowAnswers, List.of()).render())
        .contains("    timeout check 7500ms\n").contains("default-server check inter 500ms ");
    assertThat(new NginxConfig("ROUND_ROBIN", 8080, "/health", slowAnswers).render())
        .contains("            proxy_connect_timeout 7500ms;\n")
        .contains("            proxy_read_timeout 7500ms;\n");
  }
}
