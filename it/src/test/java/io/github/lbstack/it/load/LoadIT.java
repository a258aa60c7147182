package io.github.lbstack.it.load;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Load;
import io.github.lbstack.traffic.LoadResult;
import io.github.lbstack.traffic.LoadRun;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The open-model load through a real lb: web-2 holds each request 200 ms, so its latencies, and the run's p99, show
 * it, and a p99 objective below that fails. The generator keeps sending on schedule while web-2 is slow.
 */
@LoadBalancedStack(database = Database.NONE, redis = false, web = @Web(jar = "target/it-app.jar",
    env = {"SLOW_HOST=web-2", "SLOW_MS=200"}, healthPath = "/"))
class LoadIT {

  @Test
  void latenciesPerReplicaShowTheSlowOneAndTheObjectiveFails(RunningStack stack) {
    LoadResult result;
    try (LoadRun load = Load.through(stack).rate(40).start()) {
      load.awaitCompleted(120);
      result = load.stop();
    }
    System.out.print(result.table());

    assertThat(result).hasNoErrors();
    Map<String, Histogram> byReplica = result.latenciesByReplica();
    assertThat(byReplica).containsOnlyKeys("web-1", "web-2", "web-3");
    // web-2 sleeps 200 ms in every request: its median cannot be below that, whatever the machine.
    assertThat(byReplica.get("web-2").getValueAtPercentile(50)).isGreaterThanOrEqualTo(200_000_000L);
    assertThat(byReplica.get("web-1").getValueAtPercentile(50))
        .isLessThan(byReplica.get("web-2").getValueAtPercentile(50));
    // A third of the requests took 200 ms or more, so p99 did too.
    assertThatThrownBy(() -> assertThat(result).p99IsBelow(Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected p99 below 200 ms, but it was");
    assertThat(result.samples()).extracting(LoadResult.Sample::version).doesNotContainNull();
  }

  @Test
  void aHostHeaderIsRefusedWithWhatToUseInstead(RunningStack stack) {
    assertThatThrownBy(() -> Load.through(stack).header("host", "shop.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Load cannot send a host header: the JDK's HTTP client it sends with sets Host,")
        .hasMessageContaining("Traffic.through(stack).header(\"Host\", ...)");
  }
}
