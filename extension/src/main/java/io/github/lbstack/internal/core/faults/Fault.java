package io.github.lbstack.internal.core.faults;

import java.util.Objects;

/**
 * One network fault on a replica's traffic, as the API asked for it; {@link FaultScript} turns it into commands.
 *
 * @param kind what happens to the packets
 * @param peer the service at the link's other end ({@code mysql}, {@code redis}, {@code lb}...), or {@code null} for
 *     all of the replica's traffic
 * @param lossPercent for {@link Kind#LOSS}: the share of packets dropped, above 0 and at most 100
 * @param kilobitsPerSecond for {@link Kind#BANDWIDTH}: the rate the replica may send at
 */
public record Fault(Kind kind, String peer, double lossPercent, long kilobitsPerSecond) {

  /** What a fault does. Delay and jitter are not here: this machine's kernel has no netem to make them. */
  public enum Kind { LOSS, PARTITION, BANDWIDTH }

  public Fault {
    Objects.requireNonNull(kind, "kind");
  }

  /** {@return e.g. {@code "5% packet loss to mysql"}, for logs, evidence and messages} */
  public String describe() {
    String link = peer == null ? "on all its traffic" : (kind == Kind.PARTITION ? "from " : "to ") + peer;
    return switch (kind) {
      case LOSS -> String.format(java.util.Locale.ROOT, "%s%% packet loss %s", trim(lossPercent), link);
      case PARTITION -> "partition " + link;
      case BANDWIDTH -> kilobitsPerSecond + " kbit/s bandwidth " + link;
    };
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
