package io.github.lbstack.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.restassured.builder.RequestSpecBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficTest {

  @Test
  void rejectsFewerThanOneClient() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Traffic.through(new RequestSpecBuilder().build()).clients(0))
        .withMessage("clients = 0: use 1 or more");
  }

  @Test
  void countsOnlySuccessesPerReplicaAndKeepsFailuresApart() {
    Distribution distribution = new Distribution(List.of(Served.ok("web-1"), Served.ok("web-2"),
        new Served(null, 0, "ConnectException", 3, 1), Served.ok("web-1")), Set.of("web-1", "web-2"));

    assertThat(distribution.sequence()).containsExactly("web-1", "web-2", "web-1");
    assertThat(distribution.counts()).containsEntry("web-1", 2L).containsEntry("web-2", 1L).hasSize(2);
    assertThat(distribution.failures()).hasSize(1);
    assertThat(distribution.describeSequence()).isEqualTo("[web-1, web-2, FAILED(ConnectException), web-1]");
  }
}
