package io.github.lbstack.internal.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishAddressTest {

  @Test
  void keepsPortsOnLoopbackWhenTheEngineIsLocal() {
    assertThat(PublishAddress.decide("localhost")).isEqualTo("127.0.0.1");
    assertThat(PublishAddress.decide("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(PublishAddress.decide("::1")).isEqualTo("127.0.0.1");
  }

  @Test
  void publishesOnAllInterfacesWhenTheEngineIsReachedElsewhere() {
    assertThat(PublishAddress.decide("10.250.0.2")).isEqualTo("0.0.0.0");
    assertThat(PublishAddress.decide("172.17.0.1")).isEqualTo("0.0.0.0");
  }
}
