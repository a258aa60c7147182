package io.github.lbstack.internal.core.launch;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.spec.InvalidSpecException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;

/**
 * Runs the balancer's own check ({@code haproxy -c}) on a user's configuration, in the lb image, before anything of
 * the stack starts: a mistake in the file then fails in seconds with the balancer's words and the user's line
 * numbers, instead of as an lb that never gets ready. It runs where the lb will (through the backend), so the image
 * and its version are the ones the stack uses.
 */
final class LbConfigCheck {

  private static final Logger LOG = Log.LBSTACK;

  private LbConfigCheck() {}

  /**
   * @param check the one-off container that runs the check
   * @throws InvalidSpecException quoting the balancer's complaint when the file does not pass
   */
  static void run(String id, Backend backend, ContainerSpec check, LbConfig config, Duration timeout) {
    long start = System.nanoTime();
    LOG.info("lbstack {}: checking {} with '{}' in {}; lbstack changed: {}", id, config.source(),
        String.join(" ", config.checkCommand()), check.image(), String.join("; ", config.changes()));
    try (Container container = backend.container(check)) {
      try {
        container.start();
      } catch (BackendException e) {
        // A check that ends at once may be over before the platform saw it run; its exit code tells.
        if (container.state().status() != ContainerState.Status.EXITED) {
          throw e;
        }
      }
      ContainerState state = awaitExit(container, timeout);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (state.exitCode() != null && state.exitCode() == 0) {
        LOG.info("lbstack {}: {} passed the check in {} ms", id, config.source(), millis);
        return;
      }
      String output = config.inUsersLines(container.logs()).strip();
      throw new InvalidSpecException("lbstack " + id + ": @Lb(config = \"" + config.source() + "\") does not pass '"
          + String.join(" ", config.checkCommand()) + "' in " + check.image() + " (exit " + state.exitCode()
          + "); line numbers are your file's:\n" + indent(output.isEmpty() ? "(no output)" : output)
          + "\nWhat lbstack changed in it:\n" + config.changes().stream().map(change -> "  - " + change)
              .collect(Collectors.joining("\n")));
    }
  }

  private static ContainerState awaitExit(Container container, Duration timeout) {
    try {
      return Awaitility.await(container.name() + " exits").pollInSameThread().pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50)).atMost(timeout).until(container::state,
              state -> state.status() == ContainerState.Status.EXITED
                  || state.status() == ContainerState.Status.MISSING);
    } catch (ConditionTimeoutException e) {
      throw new BackendException(container.name() + ": the lb config check did not end within "
          + timeout.toSeconds() + " s; its output: " + container.logs(), e);
    }
  }

  private static String indent(String text) {
    return Arrays.stream(text.split("\n")).map(line -> "  " + line).collect(Collectors.joining("\n"));
  }
}
