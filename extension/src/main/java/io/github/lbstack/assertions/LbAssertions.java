package io.github.lbstack.assertions;

import io.github.lbstack.traffic.Distribution;

/** Entry point for lbstack's AssertJ assertions: {@code LbAssertions.assertThat(distribution).isRoundRobin()}. */
public final class LbAssertions {

  private LbAssertions() {}

  /**
   * Assertions on a traffic run's distribution, AssertJ style.
   *
   * @param actual what a traffic run saw
   * @return the assertion, for chaining
   */
  public static DistributionAssert assertThat(Distribution actual) {
    return new DistributionAssert(actual);
  }

  /**
   * Assertions on where the lb sent one request, AssertJ style.
   *
   * @param actual what {@link io.github.lbstack.traffic.Routing} saw
   * @return the assertion, for chaining
   */
  public static RoutedAssert assertThat(io.github.lbstack.traffic.Routed actual) {
    return new RoutedAssert(actual);
  }

  /**
   * Latency objectives on a load run, AssertJ style: {@code assertThat(load.stop()).p99IsBelow(ofMillis(300))}.
   *
   * @param actual what a load run saw
   * @return the assertion, for chaining
   */
  public static LoadAssert assertThat(io.github.lbstack.traffic.LoadResult actual) {
    return new LoadAssert(actual);
  }

  /**
   * Assertions on a running stack as a whole, AssertJ style: {@code assertThat(stack).runsOnly("2.0")}.
   *
   * @param actual a started stack
   * @return the assertion, for chaining
   */
  public static StackAssert assertThat(io.github.lbstack.RunningStack actual) {
    return new StackAssert(actual);
  }
}
