package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import org.junit.jupiter.api.Test;

/** With a sticky cookie a client stays on one replica; when that one is paused it fails over and stays there. */
@LoadBalancedStack(stickyCookie = true, web = @Web(jar = "target/it-app.jar"))
class StickyCookieIT {

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
