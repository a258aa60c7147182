package io.github.lbstack.it.drills;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Balance;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With leastconn, a slow replica holds its connections longer, so it gets fewer requests than the fast ones. */
@LoadBalancedStack(balance = Balance.LEAST_CONN,
    web = @Web(jar = "target/it-app.jar", env = {"SLOW_HOST=web-2", "SLOW_MS=250"}))
class LeastConnIT {

  @Test
  void theSlowReplicaGetsFewerRequests(RunningStack stack) {
    Distribution served = Traffic.through(stack).clients(6).send(240);

    System.out.println(served.table());
    Map<String, Long> counts = served.counts();
    assertThat(served).hasNoFailures().coversAllReplicas();
    assertThat(counts.get("web-2")).isLessThan(counts.get("web-1") / 2).isLessThan(counts.get("web-3") / 2);
  }
}
