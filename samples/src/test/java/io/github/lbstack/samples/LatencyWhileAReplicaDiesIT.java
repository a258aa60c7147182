package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.RunningStack;
import io.github.lbstack.traffic.Load;
import io.github.lbstack.traffic.LoadResult;
import io.github.lbstack.traffic.LoadRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * p99 stays under 300 ms while a replica dies: a steady load of 20 requests per second (on schedule, whatever the
 * answers), a replica killed in the middle, and the lb's retries keep every request fast and successful.
 */
@QuickstartStack
class LatencyWhileAReplicaDiesIT {

  @Test
  void p99StaysUnder300MsWhileAReplicaDies(RunningStack stack) {
    LoadResult result;
    long killed;
    try (LoadRun load = Load.through(stack).path("/login").rate(20).start()) {
      load.awaitCompleted(40);
      killed = System.nanoTime();
      stack.replica(2).kill().awaitDown();
      load.awaitCompleted(40);
      result = load.stop();
    }
    System.out.print(result.table());
    assertThat(result).hasNoErrors().p99IsBelow(Duration.ofMillis(300));
    assertThat(result.dueSince(killed)).hasNoErrors().p99IsBelow(Duration.ofMillis(300));
  }
}
