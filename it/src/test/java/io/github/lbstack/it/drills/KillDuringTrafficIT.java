package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import org.junit.jupiter.api.Test;

/**
 * Kill one of 3 replicas under traffic from 4 clients: no GET fails, and the dead one gets nothing more. The drill
 * starts once traffic has reached every replica, and the run ends once enough requests followed it.
 */
@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"))
class KillDuringTrafficIT {

  @Test
  void theLbRoutesAroundADeadReplica(RunningStack stack) {
    try (TrafficRun traffic = Traffic.through(stack).clients(4).start()) {
      traffic.awaitRequests(30);
      Replica victim = stack.replica(2);
      victim.kill().awaitDown();
      long markedDown = System.nanoTime();
      traffic.awaitRequests(40);

      Distribution served = traffic.stop();
      System.out.println(served.table());
      assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3");
      // At most 4 requests (one per client) were already under way when the lb marked web-2 down.
      assertThat(served.sentSince(markedDown).requests()).hasSizeGreaterThanOrEqualTo(36);
      assertThat(served.sentSince(markedDown)).coversExactly("web-1", "web-3").doesNotReach("web-2");
      assertThat(victim.lbStatus()).isNotEqualTo("UP");
    }
  }
}
