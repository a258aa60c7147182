package io.github.lbstack.internal.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.backend.FakeBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands each fault becomes. NetworkFaultsIT runs them in a real replica's network namespace and measures their
 * effect; this pins what they say, so a change to them is a deliberate one.
 */
class FaultScriptTest {

  /** What the faults told the stack's timeline: nothing, when a fault failed before it was in force. */
  private final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

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
  void aDelayRedirectsEachLinkToItsProxyPortSparingTheProxysOwnConnections() {
    String script = FaultScript.applyDelay(List.of(DelayLink.inbound("lb", 8080), DelayLink.outbound("mysql", 3306)),
        List.of(40001, 40002), "t");
    assertThat(script)
        .contains("peer0=$(getent hosts lb | awk '{print $1; exit}')")
        .contains("iptables -w -t nat -I PREROUTING ! -i lo -p tcp -s \"$peer0\" --dport 8080 -m comment --comment t "
            + "-j REDIRECT --to-ports 40001")
        .contains("iptables -w -t nat -I OUTPUT -p tcp -d \"$peer1\" --dport 3306 -m tcp ! --sport 61000:64999 -m "
            + "comment --comment t -j REDIRECT --to-ports 40002")
        .contains("ss -K -tn state established dst \"$peer0\" sport = :8080 dport lt :61000")
        .contains("ss -K -tn state established dst \"$peer1\" dport = :3306 sport lt :61000");
    // Connections are closed once every rule is in, so none reopens around the proxy.
    assertThat(script.indexOf("ss -K")).isGreaterThan(script.lastIndexOf("iptables"));
    assertThat(FaultScript.applyDelay(List.of(DelayLink.inbound(null, 8080)), List.of(40001), "t"))
        .doesNotContain("getent").contains("-p tcp --dport 8080");
    assertThat(FaultScript.revert(Fault.delay("lb", Duration.ofMillis(200), Duration.ZERO), "t"))
        .contains("iptables -w -t nat -S PREROUTING | grep -- 't'").contains("iptables -w -t nat -S OUTPUT");
    assertThatThrownBy(() -> FaultScript.apply(Fault.delay("lb", Duration.ofMillis(1), Duration.ZERO), "t"))
        .hasMessageContaining("use applyDelay");
  }

  @Test
  void revertingRemovesExactlyTheTaggedRules() {
    assertThat(FaultScript.revert(new Fault(Fault.Kind.LOSS, "mysql", 5, 0), "lbstack-fault-s1-1"))
        .contains("iptables -w -t filter -S OUTPUT | grep -- 'lbstack-fault-s1-1' | sed 's/^-A /-D /'")
        .contains("iptables -w -t filter -S INPUT | grep -- 'lbstack-fault-s1-1'")
        .doesNotContain("tc qdisc del")
        .endsWith("exit 0\n");
    assertThat(FaultScript.revert(new Fault(Fault.Kind.BANDWIDTH, null, 0, 800), "t")).contains("tc qdisc del dev");
  }

  @Test
  void describesWhatAndWhere() {
    assertThat(new Fault(Fault.Kind.LOSS, "mysql", 5, 0).describe()).isEqualTo("5% packet loss to mysql");
    assertThat(Fault.delay("lb", Duration.ofMillis(200), Duration.ofMillis(50)).describe())
        .isEqualTo("200 ms ± 50 ms delay to lb");
    assertThat(Fault.delay(null, Duration.ofMillis(200), Duration.ZERO).describe())
        .isEqualTo("200 ms delay on all its traffic");
    assertThat(new Fault(Fault.Kind.LOSS, null, 2.5, 0).describe()).isEqualTo("2.5% packet loss on all its traffic");
    assertThat(new Fault(Fault.Kind.PARTITION, "redis", 0, 0).describe()).isEqualTo("partition from redis");
    assertThat(new Fault(Fault.Kind.BANDWIDTH, "lb", 0, 800).describe()).isEqualTo("800 kbit/s bandwidth to lb");
  }

  @Test
  void aMissingHelperOrProxyImageIsNamedWithTheSettingThatChangesIt() {
    FakeBackend backend = new FakeBackend();
    backend.networkFaults = true;
    backend.missingImages.add("helper:1");
    NetworkFaults faults = new NetworkFaults("s1", backend, "helper:1", "jre:1", (kind, what) -> recorded.add(what));
    assertThatThrownBy(() -> faults.apply("web-1", null, new Fault(Fault.Kind.PARTITION, null, 0, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the network fault helper image helper:1 is not available: image helper:1 is not present and "
            + "could not be pulled (fake). Pull or build it, or point lbstack.image.netfault at an image with sh, "
            + "getent, iptables, ss and tc.");

    backend.missingImages.clear();
    backend.missingImages.add("jre:1");
    assertThatThrownBy(() -> faults.applyDelay("web-1", null, Fault.delay("lb", Duration.ofMillis(200),
        Duration.ZERO), List.of(DelayLink.inbound("lb", 8080))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the delay proxy's JRE image jre:1 is not available: image jre:1 is not present and could not "
            + "be pulled (fake). Pull or build it, or point lbstack.image.jre at an image with sh, base64 and java 17 "
            + "or later.");
    assertThat(recorded).isEmpty();
  }

  @Test
  void anEngineThatRefusesNetAdminIsNamedAsTheCause() {
    FakeBackend backend = new FakeBackend();
    backend.networkFaults = true;
    backend.helperAnswer = new io.github.lbstack.internal.backend.Container.Exec(4,
        "iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)");
    NetworkFaults faults = new NetworkFaults("s1", backend, "helper:1", "jre:1", (kind, what) -> recorded.add(what));
    FakeBackend.FakeContainer web1 = backend.new FakeContainer(new io.github.lbstack.internal.backend.ContainerSpec(
        "lbstack-1a2b3c4d-web-1", "app:1", null, "web-1", "web-1", java.util.Map.of(), List.of(), java.util.Map.of(),
        List.of(8080), java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));

    assertThatThrownBy(() -> faults.apply("web-1", web1, new Fault(Fault.Kind.LOSS, "mysql", 5, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("lbstack could not apply 5% packet loss to mysql on web-1 (exit 4): iptables")
        .hasMessageEndingWith("The helper needs the NET_ADMIN capability; this engine refused it.");
    assertThat(backend.events()).containsExactly("helper helper:1 in web-1");
    assertThat(recorded).isEmpty();
  }

  @Test
  void aBackendThatCannotRunTheHelperSaysSoBeforeAnythingRuns() {
    NetworkFaults faults = new NetworkFaults("s1", new FakeBackend(), "helper:1", "jre:1",
        (kind, what) -> recorded.add(what));
    assertThatThrownBy(() -> faults.apply("web-1", null, new Fault(Fault.Kind.PARTITION, null, 0, 0)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("network faults need a helper container in the replica's network namespace, which fake cannot "
            + "run; run this test on a Docker engine");
    assertThat(recorded).isEmpty();
  }
}
