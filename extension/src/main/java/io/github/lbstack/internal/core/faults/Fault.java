package io.github.lbstack.internal.core.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One network fault on a replica's traffic, as the API asked for it; {@link FaultScript} turns it into commands.
 *
 * @param kind what happens to the packets
 * @param peer the service at the link's other end ({@code mysql}, {@code redis}, {@code lb}...), or {@code null} for
 *     all of the replica's traffic
 * @param lossPercent for {@link Kind#LOSS}: the share of packets dropped, above 0 and at most 100
 * @param kilobitsPerSecond for {@link Kind#BANDWIDTH}: the rate the replica may send at
 * @param delay for {@link Kind#DELAY}: how much longer each round trip on the link takes
 * @param jitter for {@link Kind#DELAY}: how far each answer's delay may stray from {@code delay}, either way
 */
public record Fault(Kind kind, String peer, double lossPercent, long kilobitsPerSecond, Duration delay,
    Duration jitter) {

  /**
   * What a fault does. Delay is made by {@link DelayProxy}, not the kernel's netem, which this project's CI kernel
   * (like many) does not have.
   */
  public enum Kind { LOSS, PARTITION, BANDWIDTH, DELAY }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    delay = delay == null ? Duration.ZERO : delay;
    jitter = jitter == null ? Duration.ZERO : jitter;
  }

  public Fault(Kind kind, String peer, double lossPercent, long kilobitsPerSecond) {
    this(kind, peer, lossPercent, kilobitsPerSecond, Duration.ZERO, Duration.ZERO);
  }

  public static Fault delay(String peer, Duration delay, Duration jitter) {
    return new Fault(Kind.DELAY, peer, 0, 0, delay, jitter);
  }

  /** {@return e.g. {@code "5% packet loss to mysql"}, for logs, evidence and messages} */
  public String describe() {
    String link = peer == null ? "on all its traffic" : (kind == Kind.PARTITION ? "from " : "to ") + peer;
    return switch (kind) {
      case LOSS -> String.format(java.util.Locale.ROOT, "%s%% packet loss %s", trim(lossPercent), link);
      case PARTITION -> "partition " + link;
      case BANDWIDTH -> kilobitsPerSecond + " kbit/s bandwidth " + link;
      case DELAY -> delay.toMillis() + " ms" + (jitter.isZero() ? "" : " ± " + jitter.toMillis() + " ms")
          + " delay " + link;
    };
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
