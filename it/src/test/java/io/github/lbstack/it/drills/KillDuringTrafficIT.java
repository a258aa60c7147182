package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.KillUnderTraffic;
import org.junit.jupiter.api.Test;

/**
 * Kill one of 3 replicas under traffic from 4 clients: no GET fails, and the dead one gets nothing more. The drill
 * starts once traffic has reached every replica, and the run ends once enough requests followed it.
 */
@LoadBalancedStack(database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class KillDuringTrafficIT {

  @Test
  void theLbRoutesAroundADeadReplica(RunningStack stack) {
    KillUnderTraffic drill = KillUnderTraffic.of(stack, 2);

    assertThat(drill.served()).hasNoFailures().coversExactly("web-1", "web-2", "web-3");
    // At most 4 requests (one per client) were already under way when the lb marked web-2 down.
    assertThat(drill.afterDown().requests()).hasSizeGreaterThanOrEqualTo(36);
    assertThat(drill.afterDown()).coversExactly("web-1", "web-3").doesNotReach("web-2");
    assertThat(drill.victim().lbStatus()).isNotEqualTo("UP");
  }
}
