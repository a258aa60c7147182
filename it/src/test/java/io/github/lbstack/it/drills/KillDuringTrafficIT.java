package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Kill one of 3 replicas under 20 s of traffic from 4 clients: no GET fails, and the dead one gets nothing more. */
@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"))
class KillDuringTrafficIT {

  @Test
  void theLbRoutesAroundADeadReplica(RunningStack stack) throws Exception {
    CompletableFuture<Distribution> traffic =
        CompletableFuture.supplyAsync(() -> Traffic.through(stack).clients(4).sendFor(Duration.ofSeconds(20)));
    TimeUnit.SECONDS.sleep(5); // let traffic reach all replicas before the drill

    Replica victim = stack.replica(2);
    victim.kill().awaitDown();
    long markedDown = System.nanoTime();

    Distribution served = traffic.join();
    System.out.println(served.table());
    assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3");
    assertThat(served.sentSince(markedDown)).coversExactly("web-1", "web-3").doesNotReach("web-2");
    assertThat(served.sentSince(markedDown).requests()).hasSizeGreaterThan(20);
    assertThat(victim.lbStatus()).isNotEqualTo("UP");
  }
}
