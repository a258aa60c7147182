package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Release;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;
import org.junit.jupiter.api.Test;

/**
 * With a sticky cookie a client stays on one replica; when that one is paused it fails over and stays there; and
 * through a rolling deploy, a client that has reached the new version never goes back to the old one.
 */
@LoadBalancedStack(stickyCookie = true, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", version = "1.0", healthPath = "/"))
class StickyCookieIT {

  /**
   * Each client keeps its cookie: it stays on its replica while that one drains, moves when it goes, and once it
   * has landed on a 2.0 replica it stays there, since no 2.0 replica goes. RollingDeployIT shows the same assertion
   * failing without stickiness.
   */
  @Test
  void aStickyClientNeverGoesBackToTheOldVersionDuringARollout(RunningStack stack) {
    Distribution served;
    try (TrafficRun traffic = Traffic.through(stack).clients(4).keepCookies().start()) {
      traffic.awaitRequests(20);
      stack.rollOut(Release.jar("target/it-app.jar").version("2.0"));
      traffic.awaitRequests(20);
      served = traffic.stop();
    }
    assertThat(served).hasNoFailures().switchesTo("2.0").noClientGoesBackAfter("2.0");
  }

  @Test
  void aClientStaysOnItsReplicaAndFailsOverOnce(RunningStack stack) {
    Traffic client = Traffic.through(stack).keepCookies();
    Distribution first = client.send(6);
    String home = first.sequence().get(0);
    assertThat(first).hasNoFailures().isStickyTo(home);

    stack.replicas().stream().filter(replica -> replica.hostname().equals(home)).findFirst().orElseThrow()
        .pause().awaitDown();

    Distribution after = client.send(6);
    String newHome = after.sequence().get(0);
    org.assertj.core.api.Assertions.assertThat(newHome).isNotEqualTo(home);
    assertThat(after).hasNoFailures().isStickyTo(newHome);
  }
}
