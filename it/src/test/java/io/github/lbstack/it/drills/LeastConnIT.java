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

/**
 * With leastconn, a slow replica holds its connections longer, so it gets fewer requests than the fast ones.
 *
 * <p>The margin: web-2 holds each request for 250 ms while the others answer in milliseconds, so with 6 clients it
 * serves about one request per 250 ms and the fast ones dozens each; on this project's 2-core machine it served
 * under 5% of the 240. Round robin would give it a third. The bound, less than half of each fast replica's count,
 * fails for round robin (equal counts) and holds with a ten-fold margin for leastconn, even on a machine that slows
 * the fast replicas down several times.
 */
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
