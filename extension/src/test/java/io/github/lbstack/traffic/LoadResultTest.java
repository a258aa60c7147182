package io.github.lbstack.traffic;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Latency objectives pass on a run that meets them and fail, with the table, on one that does not. */
class LoadResultTest {

  private static final long MS = 1_000_000;

  /** One request per latency, 10 ms apart; a negative latency is a failed request. */
  private static LoadResult run(long... latenciesMs) {
    List<LoadResult.Sample> samples = new ArrayList<>();
    for (int i = 0; i < latenciesMs.length; i++) {
      long latency = latenciesMs[i];
      samples.add(latency < 0 ? new LoadResult.Sample(i * 10 * MS, 10_000 * MS, null, null, 0, "HttpTimeoutException")
          : new LoadResult.Sample(i * 10 * MS, latency * MS, "web-" + (i % 2 + 1), "1.0", 200, null));
    }
    return new LoadResult(samples, Set.of("web-1", "web-2"), 100, 0, latenciesMs.length * 10 * MS, new Histogram(3));
  }

  private static long[] ms(int count, long each) {
    long[] latencies = new long[count];
    java.util.Arrays.fill(latencies, each);
    return latencies;
  }

  @Test
  void percentilesHoldOrFailWithTheTable() {
    long[] latencies = ms(100, 5);
    latencies[99] = 400;
    LoadResult result = run(latencies);
    assertThat(result).hasNoErrors().p50IsBelow(Duration.ofMillis(10)).p95IsBelow(Duration.ofMillis(10))
        .p99IsBelow(Duration.ofMillis(10)).errorRateIsBelow(0.1);

    assertThatThrownBy(() -> assertThat(result).maxIsBelow(Duration.ofMillis(300)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected max below 300 ms, but it was 400.")
        .hasMessageContaining("over 100 requests")
        .hasMessageContaining("replica        requests  errors    p50 ms    p95 ms    p99 ms    max ms")
        .hasMessageContaining("web-2                50       0");
    long[] slow = ms(100, 5);
    java.util.Arrays.fill(slow, 90, 100, 250);
    assertThatThrownBy(() -> assertThat(run(slow)).p95IsBelow(Duration.ofMillis(200)))
        .hasMessageContaining("Expected p95 below 200 ms, but it was 250.");
  }

  @Test
  void failsOnAnEmptyRunAndWhenEveryRequestFailed() {
    assertThatThrownBy(() -> assertThat(run()).p99IsBelow(Duration.ofSeconds(1)))
        .hasMessageContaining("the run is empty: no request was due in it");
    assertThatThrownBy(() -> assertThat(run()).hasNoErrors())
        .hasMessageContaining("the run is empty");
    assertThatThrownBy(() -> assertThat(run(-1, -1)).p99IsBelow(Duration.ofSeconds(1)))
        .hasMessageContaining("Expected p99 below 1000 ms, but no request succeeded: 2 of 2 failed, first: "
            + "<HttpTimeoutException>.");
    assertThatThrownBy(() -> assertThat(run(-1, -1)).errorRateIsBelow(50))
        .hasMessageContaining("Expected fewer than 50.00% failed requests, but 2 of 2 failed (100.00%)");
  }

  @Test
  void errorsAreCountedPerSecondAndWindowsCutTheRun() {
    long[] latencies = ms(250, 5);
    latencies[20] = -1;
    latencies[120] = -1;
    latencies[121] = -1;
    LoadResult result = run(latencies);
    org.assertj.core.api.Assertions.assertThat(result.errorsPerSecond()).containsExactly(
        java.util.Map.entry(0L, 1L), java.util.Map.entry(1L, 2L));
    assertThatThrownBy(() -> assertThat(result).hasNoErrors())
        .hasMessageContaining("Expected no failed requests, but 3 of 250 failed, first: <HttpTimeoutException>.");
    LoadResult afterTheFault = result.dueSince(1300 * MS);
    org.assertj.core.api.Assertions.assertThat(afterTheFault.samples()).hasSize(120);
    assertThat(afterTheFault).hasNoErrors();
    org.assertj.core.api.Assertions.assertThat(result.dueBetween(1000 * MS, 1300 * MS).errors()).isEqualTo(2);
  }
}
