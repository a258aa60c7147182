package io.github.lbstack.internal.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.backend.FakeBackend;
import org.junit.jupiter.api.Test;

/**
 * The commands each fault becomes. NetworkFaultsIT runs them in a real replica's network namespace and measures their
 * effect; this pins what they say, so a change to them is a deliberate one.
 */
class FaultScriptTest {

  @Test
  void lossOnALinkDropsAShareOfWhatTheReplicaSendsToThePeer() {
    String script = FaultScript.apply(new Fault(Fault.Kind.LOSS, "mysql", 5, 0), "lbstack-fault-s1-1");
    assertThat(script).contains("peer=$(getent hosts mysql | awk '{print $1; exit}')")
        .contains("no address for mysql on the stack's network")
        .contains("iptables -w -I OUTPUT -d \"$peer\" -m statistic --mode random --probability 0.0500 -m comment "
            + "--comment lbstack-fault-s1-1 -j DROP")
        .doesNotContain("INPUT");
  }

  @Test
  void aPartitionDropsBothWaysAndOnAllTrafficSparesLoopback() {
    assertThat(FaultScript.apply(new Fault(Fault.Kind.PARTITION, "redis", 0, 0), "t"))
        .contains("iptables -w -I OUTPUT -d \"$peer\" -m comment --comment t -j DROP")
        .contains("iptables -w -I INPUT -s \"$peer\" -m comment --comment t -j DROP");
    assertThat(FaultScript.apply(new Fault(Fault.Kind.PARTITION, null, 0, 0), "t"))
        .doesNotContain("getent")
        .contains("iptables -w -I OUTPUT ! -o lo -m comment --comment t -j DROP")
        .contains("iptables -w -I INPUT ! -i lo -m comment --comment t -j DROP");
  }

  @Test
  void bandwidthIsTbfOnAllTrafficAndHtbWithAFilterOnALink() {
    assertThat(FaultScript.apply(new Fault(Fault.Kind.BANDWIDTH, null, 0, 800), "t"))
        .contains("tc qdisc add dev \"$dev\" root handle 1: tbf rate 800kbit burst 16kb latency 10s")
        .contains("a bandwidth limit is applied already: close it first");
    assertThat(FaultScript.apply(new Fault(Fault.Kind.BANDWIDTH, "lb", 0, 800), "t"))
        .contains("tc class add dev \"$dev\" parent 1: classid 1:10 htb rate 800kbit quantum 60000")
        .contains("tc filter add dev \"$dev\" parent 1: protocol ip u32 match ip dst \"$peer\"/32 flowid 1:10");
  }

  @Test
  void revertingRemovesExactlyTheTaggedRules() {
    assertThat(FaultScript.revert(new Fault(Fault.Kind.LOSS, "mysql", 5, 0), "lbstack-fault-s1-1"))
        .contains("iptables -w -S OUTPUT | grep -- 'lbstack-fault-s1-1' | sed 's/^-A /-D /'")
        .contains("iptables -w -S INPUT | grep -- 'lbstack-fault-s1-1'")
        .doesNotContain("tc qdisc del")
        .endsWith("exit 0\n");
    assertThat(FaultScript.revert(new Fault(Fault.Kind.BANDWIDTH, null, 0, 800), "t")).contains("tc qdisc del dev");
  }

  @Test
  void describesWhatAndWhere() {
    assertThat(new Fault(Fault.Kind.LOSS, "mysql", 5, 0).describe()).isEqualTo("5% packet loss to mysql");
    assertThat(new Fault(Fault.Kind.LOSS, null, 2.5, 0).describe()).isEqualTo("2.5% packet loss on all its traffic");
    assertThat(new Fault(Fault.Kind.PARTITION, "redis", 0, 0).describe()).isEqualTo("partition from redis");
    assertThat(new Fault(Fault.Kind.BANDWIDTH, "lb", 0, 800).describe()).isEqualTo("800 kbit/s bandwidth to lb");
  }

  @Test
  void aBackendThatCannotRunTheHelperSaysSoBeforeAnythingRuns() {
    NetworkFaults faults = new NetworkFaults("s1", new FakeBackend(), "helper:1");
    assertThatThrownBy(() -> faults.apply("web-1", null, new Fault(Fault.Kind.PARTITION, null, 0, 0)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("network faults need a helper container in the replica's network namespace, which fake cannot "
            + "run; run this test on a Docker engine");
    assertThat(faults.history()).isEmpty();
  }
}
