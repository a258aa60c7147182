package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.lb.LbControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What explains a failure, saved for a person: every container's log, the lb's view of each replica, the stack's
 * description with the password masked, and its start-up timeline. Each part is written even when another cannot
 * be read.
 */
public final class Evidence {

  private Evidence() {}

  /** {@return the lb's view of each replica, as saved in {@code lb-stats.txt}} */
  static String save(CoreStack stack, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (var service : stack.services().entrySet()) {
      Files.writeString(dir.resolve(service.getKey() + ".log"), safeLogs(service.getValue()));
    }
    String lbView = lbStatsTable(stack);
    Files.writeString(dir.resolve("lb-stats.txt"), lbView);
    Files.writeString(dir.resolve("stack.txt"), stack.describe());
    // The config as the lb ran it: with a user's file, what lbstack changed in it is there to read.
    Files.writeString(dir.resolve("lb.cfg"), stack.lbConfig().text());
    Files.writeString(dir.resolve("timeline.txt"), stack.timeline().render());
    String faults = stack.timeline().renderEvents("fault");
    if (!faults.isEmpty()) {
      Files.writeString(dir.resolve("faults.txt"), faults);
    }
    return lbView;
  }

  private static String safeLogs(Service service) {
    try {
      return service.logs();
    } catch (RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String lbStatsTable(CoreStack stack) {
    LbControl lbControl = stack.lbControl();
    try {
      StringBuilder table = new StringBuilder(String.format("%-8s %-40s %10s %10s%n", "server", "status (last check)",
          "requests", "failed"));
      Map<String, Long> served = lbControl.requestsServed();
      Map<String, Long> failed = lbControl.failedResponses();
      lbControl.explainedStatuses().forEach((server, status) -> {
        if (stack.topology().worthShowing(server, served.getOrDefault(server, 0L))) {
          table.append(String.format("%-8s %-40s %10d %10d%n", server, status, served.getOrDefault(server, 0L),
              failed.getOrDefault(server, 0L)));
        }
      });
      return table.toString();
    } catch (RuntimeException e) {
      return "the lb's stats could not be read: " + e + "\n";
    }
  }
}
