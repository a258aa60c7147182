package io.github.lbstack;

import io.github.lbstack.internal.core.faults.Fault;
import io.github.lbstack.internal.core.faults.NetworkFaults;
import io.github.lbstack.internal.core.stack.CoreStack;
import java.time.Duration;

/** The API's {@link ReplicaNetwork}: validates what the test asks and hands it to the stack's faults. */
final class ReplicaNetworkImpl implements ReplicaNetwork {

  private final CoreStack stack;
  private final int index;
  private final String peer;

  ReplicaNetworkImpl(CoreStack stack, int index, String peer) {
    this.stack = stack;
    this.index = index;
    this.peer = peer;
  }

  @Override
  public ReplicaNetwork to(String service) {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("network().to(\"" + service + "\"): name a service of the stack, such as "
          + "\"mysql\", \"redis\" or \"lb\"");
    }
    return new ReplicaNetworkImpl(stack, index, service.strip());
  }

  @Override
  public NetworkFault loss(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("network().loss(" + percent + "): use a share above 0 and at most 100 "
          + "(percent)");
    }
    return apply(new Fault(Fault.Kind.LOSS, peer, percent, 0));
  }

  @Override
  public NetworkFault partition() {
    return apply(new Fault(Fault.Kind.PARTITION, peer, 0, 0));
  }

  @Override
  public NetworkFault bandwidth(long kilobitsPerSecond) {
    if (kilobitsPerSecond < 8) {
      throw new IllegalArgumentException("network().bandwidth(" + kilobitsPerSecond + "): use 8 kbit/s or more");
    }
    return apply(new Fault(Fault.Kind.BANDWIDTH, peer, 0, kilobitsPerSecond));
  }

  @Override
  public NetworkFault delay(Duration delay) {
    return delay(delay, Duration.ZERO);
  }

  @Override
  public NetworkFault delay(Duration delay, Duration jitter) {
    if (delay == null || delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("network().delay(" + delay + ", ...): use a delay above 0 and at most 1 "
          + "minute, such as Duration.ofMillis(200)");
    }
    if (jitter == null || jitter.isNegative() || jitter.compareTo(delay) > 0) {
      throw new IllegalArgumentException("network().delay(" + delay + ", " + jitter + "): use a jitter from 0 to the "
          + "delay, such as Duration.ofMillis(" + delay.toMillis() / 4 + ")");
    }
    return apply(Fault.delay(peer, delay, jitter));
  }

  private NetworkFault apply(Fault fault) {
    NetworkFaults.Active active = stack.networkFault(index, fault);
    return new NetworkFault() {
      @Override
      public String description() {
        return active.describe();
      }

      @Override
      public void close() {
        active.close();
      }

      @Override
      public String toString() {
        return description();
      }
    };
  }
}
