package io.github.lbstack.assertions;

import io.github.lbstack.traffic.LoadResult;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/** Latency objectives on a load run: percentiles and error rate. Failure messages show the per-replica table. */
public class LoadAssert extends AbstractAssert<LoadAssert, LoadResult> {

  LoadAssert(LoadResult actual) {
    super(actual, LoadAssert.class);
  }

  /**
   * The median latency of the requests that succeeded is below {@code bound}.
   *
   * @param bound the bound, excluded
   * @return this assertion, for chaining
   */
  public LoadAssert p50IsBelow(Duration bound) {
    return percentileIsBelow(50, "p50", bound);
  }

  /**
   * The 95th percentile is below {@code bound}.
   *
   * @param bound the bound, excluded
   * @return this assertion, for chaining
   */
  public LoadAssert p95IsBelow(Duration bound) {
    return percentileIsBelow(95, "p95", bound);
  }

  /**
   * The 99th percentile is below {@code bound}.
   *
   * @param bound the bound, excluded
   * @return this assertion, for chaining
   */
  public LoadAssert p99IsBelow(Duration bound) {
    return percentileIsBelow(99, "p99", bound);
  }

  /**
   * The slowest request that succeeded took less than {@code bound}.
   *
   * @param bound the bound, excluded
   * @return this assertion, for chaining
   */
  public LoadAssert maxIsBelow(Duration bound) {
    return percentileIsBelow(100, "max", bound);
  }

  /**
   * Fewer than {@code percent} % of the requests failed.
   *
   * @param percent from 0 to 100
   * @return this assertion, for chaining
   */
  public LoadAssert errorRateIsBelow(double percent) {
    isNotNull();
    requireRequests();
    if (actual.errorRate() * 100 >= percent) {
      failWithMessage("Expected fewer than %.2f%% failed requests, but %d of %d failed (%.2f%%), first: <%s>.%n%s",
          percent, actual.errors(), actual.samples().size(), actual.errorRate() * 100, firstError(), actual.table());
    }
    return this;
  }

  /**
   * Requests were sent, and none failed.
   *
   * @return this assertion, for chaining
   */
  public LoadAssert hasNoErrors() {
    isNotNull();
    requireRequests();
    if (actual.errors() > 0) {
      failWithMessage("Expected no failed requests, but %d of %d failed, first: <%s>.%n%s", actual.errors(),
          actual.samples().size(), firstError(), actual.table());
    }
    return this;
  }

  private LoadAssert percentileIsBelow(double percentile, String name, Duration bound) {
    isNotNull();
    requireRequests();
    if (actual.latencies().getTotalCount() == 0) {
      failWithMessage("Expected %s below %d ms, but no request succeeded: %d of %d failed, first: <%s>.%n%s", name,
          bound.toMillis(), actual.errors(), actual.samples().size(), firstError(), actual.table());
    }
    Duration value = actual.percentile(percentile);
    if (value.compareTo(bound) >= 0) {
      failWithMessage("Expected %s below %d ms, but it was %.1f ms over %d requests.%n%s", name, bound.toMillis(),
          value.toNanos() / 1e6, actual.latencies().getTotalCount(), actual.table());
    }
    return this;
  }

  private void requireRequests() {
    if (actual.samples().isEmpty()) {
      failWithMessage("Expected latency objectives on a load run, but the run is empty: no request was due in it.");
    }
  }

  private String firstError() {
    return actual.samples().stream().filter(LoadResult.Sample::failed).map(LoadResult.Sample::error).findFirst()
        .orElse("none");
  }
}
