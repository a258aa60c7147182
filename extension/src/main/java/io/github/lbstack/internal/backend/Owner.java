package io.github.lbstack.internal.backend;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process that owns stacks: the host it runs on, its pid, and when it started. Together they tell, on the same
 * host, whether the owner still runs; a pid alone could belong to a newer process by now.
 */
public record Owner(String host, long pid, long startMillis) {

  public static Owner current() {
    ProcessHandle self = ProcessHandle.current();
    return new Owner(hostname(), self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /** Reads the {@link Labels#OWNER} value; empty when it is missing or not in that format. */
  public static Optional<Owner> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String[] parts = label.split("/");
    try {
      return parts.length == 3 ? Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether this owner is known to be gone: it ran on this host, and no process with its pid and start time runs
   * now. An owner on another host is never known to be gone, so its stacks are never touched.
   */
  public boolean isGone() {
    if (!host.equals(hostname())) {
      return false;
    }
    return ProcessHandle.of(pid)
        .map(process -> process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) != startMillis)
        .orElse(true);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  @Override
  public String toString() {
    return host + "/" + pid + "/" + startMillis;
  }
}
