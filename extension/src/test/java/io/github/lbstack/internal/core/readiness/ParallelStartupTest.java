package io.github.lbstack.internal.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.FakeBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What a start does when its caller gives up on it outside {@link ParallelStartup#awaitAll()}. */
class ParallelStartupTest {

  private final FakeBackend backend = new FakeBackend();

  /**
   * A stack whose user's lb config fails its check while the services it names are still getting ready: closing the
   * start ends their readiness loops at once, so the failure and the cleanup do not wait for those services (here
   * never ready, with ten minutes to go). Before, close() waited for them up to 60 s and then left them running.
   */
  @Test
  void closingAStartEndsTheReadinessLoopsThatAreStillRunning() {
    AtomicInteger checks = new AtomicInteger();
    Service service = new Service("static", backend.container(spec("static")), 80, () -> {
      checks.incrementAndGet();
      throw new NotReadyException("static: not answering yet");
    });
    ParallelStartup startup = new ParallelStartup("1a2b3c4d", Duration.ofMinutes(10), started -> { }, new Timeline());
    startup.start(service).join();
    Awaitility.await("static's readiness checks").atMost(Duration.ofMinutes(1)).until(() -> checks.get() >= 2);

    startup.close();

    assertThat(startup.readiness(service)).as("static's readiness, once the start is closed")
        .isCompletedExceptionally();
  }

  private static ContainerSpec spec(String alias) {
    return new ContainerSpec("lbstack-1a2b3c4d-" + alias, "static:1", null, alias, alias, Map.of(), List.of(),
        Map.of(), List.of(80), Map.of(), Map.of(), Map.of());
  }
}
