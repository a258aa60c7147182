package io.github.lbstack.it;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.github.lbstack.traffic.TrafficRun;

/**
 * The kill drill under traffic, the same on every backend: 4 clients send until every replica has served, one
 * replica is killed and the lb marks it down, and traffic goes on until enough requests followed.
 *
 * @param served every request of the run
 * @param markedDown when the lb had the victim down, on {@link System#nanoTime()}'s clock
 */
public record KillUnderTraffic(Replica victim, Distribution served, long markedDown) {

  /** Requests before the drill: round robin over 3 replicas from 4 clients reaches each one several times. */
  private static final int BEFORE = 30;
  /** Requests after it, to see the lb route around the dead replica. */
  private static final int AFTER = 40;

  public static KillUnderTraffic of(RunningStack stack, int replica) {
    try (TrafficRun traffic = Traffic.through(stack).clients(4).start()) {
      traffic.awaitRequests(BEFORE);
      Replica victim = stack.replica(replica);
      victim.kill().awaitDown();
      long markedDown = System.nanoTime();
      traffic.awaitRequests(AFTER);
      Distribution served = traffic.stop();
      System.out.println(served.table());
      return new KillUnderTraffic(victim, served, markedDown);
    }
  }

  /** No GET failed, every replica served before the kill, and the dead one nothing once the lb had it down. */
  public void assertLostNoGet() {
    io.github.lbstack.assertions.LbAssertions.assertThat(served).hasNoFailures()
        .coversExactly("web-1", "web-2", "web-3");
    io.github.lbstack.assertions.LbAssertions.assertThat(afterDown()).coversExactly("web-1", "web-3")
        .doesNotReach(victim.hostname());
    org.assertj.core.api.Assertions.assertThat(victim.lbStatus()).isNotEqualTo("UP");
  }

  /** The requests sent once the lb had the victim down. */
  public Distribution afterDown() {
    return served.sentSince(markedDown);
  }
}
