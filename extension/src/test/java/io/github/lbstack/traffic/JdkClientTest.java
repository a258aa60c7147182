package io.github.lbstack.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JdkClientTest {

  @Test
  void headersTheJdksClientSetsItselfAreLeftToRestAssured() {
    assertThat(JdkClient.canSend(Map.of())).isTrue();
    assertThat(JdkClient.canSend(Map.of("X-Tenant", "a", "Accept", "text/plain"))).isTrue();
    assertThat(JdkClient.canSend(Map.of("Host", "shop.example"))).isFalse();
    assertThat(JdkClient.canSend(Map.of("X-Tenant", "a", "connection", "close"))).isFalse();
  }
}
