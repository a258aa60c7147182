package io.github.lbstack.it.faults;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Balance;
import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.NetworkFault;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Load;
import io.github.lbstack.traffic.LoadResult;
import io.github.lbstack.traffic.LoadRun;
import io.github.lbstack.traffic.Traffic;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The slow-replica drill, made by the network and not by the app: web-2's answers to the lb are delayed, so the
 * app image is the same for all three.
 */
@LoadBalancedStack(balance = Balance.LEAST_CONN, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"))
class SlowReplicaIT {

  /**
   * With leastconn, a replica 200 ms slower holds each of its requests 200 ms, so it is picked only when it has none
   * in flight: at 40 requests a second, about one in eight at most, against a third for round robin. The bound,
   * under half of each fast replica's count, holds however slow the machine makes the fast ones, as long as they
   * stay under 200 ms.
   */
  @Test
  void leastConnRoutesAwayFromAReplicaDelayed200Ms(RunningStack stack) {
    LoadResult result;
    try (NetworkFault fault = stack.replica(2).network().to("lb").delay(Duration.ofMillis(200))) {
      assertThat(fault.description()).isEqualTo("200 ms delay to lb on web-2");
      try (LoadRun load = Load.through(stack).rate(40).start()) {
        load.awaitCompleted(160);
        result = load.stop();
      }
    }
    System.out.print(result.table());

    assertThat(result).hasNoErrors();
    Map<String, Histogram> byReplica = result.latenciesByReplica();
    long web1 = byReplica.get("web-1").getTotalCount();
    long web2 = byReplica.containsKey("web-2") ? byReplica.get("web-2").getTotalCount() : 0;
    long web3 = byReplica.get("web-3").getTotalCount();
    assertThat(web2).isLessThan(web1 / 2).isLessThan(web3 / 2);
    if (web2 > 0) {
      // Each of web-2's answers waited in the proxy: none can be faster than the delay.
      assertThat(byReplica.get("web-2").getMinValue()).isGreaterThanOrEqualTo(200_000_000L);
    }
    // Reverted: web-2 is as fast as the others again, and round robin among equals gives it its share.
    Distribution after = Traffic.through(stack).send(30);
    assertThat(after).hasNoFailures().coversAllReplicas();
  }

  /**
   * A replica that still accepts connections but answers later than the health check's timeout (2 s) is taken out
   * after {@code fall} (2) failed checks in a row. Closing the link's open connections may fail one check at once,
   * but the other must time out: never sooner than 2 s, whatever the machine. The time it took is printed: it is the
   * figure to know before trusting the lb to hide a hung replica.
   */
  @Test
  void aReplicaThatAnswersTooLateIsEjectedAfterTwoTimedOutChecks(RunningStack stack) {
    Replica web3 = stack.replica(3);
    long ejectedAfter;
    // From before the delay is asked for, so the figure can only be longer than the lb's part of it.
    long start = System.nanoTime();
    try (NetworkFault fault = web3.network().to("lb").delay(Duration.ofSeconds(3))) {
      web3.awaitDown();
      ejectedAfter = (System.nanoTime() - start) / 1_000_000;
      assertThat(Traffic.through(stack).send(6)).hasNoFailures().doesNotReach("web-3");
    }
    System.out.printf("web-3, answering 3 s late, was ejected after %d ms%n", ejectedAfter);
    assertThat(ejectedAfter).isGreaterThanOrEqualTo(2_000);
    web3.awaitUp();
  }
}
