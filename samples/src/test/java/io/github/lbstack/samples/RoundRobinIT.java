package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Requests through the lb are served round-robin by every replica, as the app itself reports. */
@QuickstartStack
class RoundRobinIT {

  @Test
  void everyReplicaServesInTurn(RequestSpecification lb) {
    Distribution served = Traffic.through(lb).path("/login").identifiedBy(Quickstart.HOSTNAME_HEADER).send(12);

    System.out.println(served.table());
    assertThat(served).coversExactly("web-1", "web-2", "web-3").isRoundRobin();
  }
}
