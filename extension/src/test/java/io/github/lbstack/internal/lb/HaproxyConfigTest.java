package io.github.lbstack.internal.lb;

import static io.github.lbstack.internal.lb.HealthCheckTest.every;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

  private final String config = new HaproxyConfig("roundrobin", false, "/health", every(Duration.ofMillis(250)),
      List.of(new LbServer("web-1", "web-1", 8080, true), new LbServer("web-2", "web-2", 9090, true),
          new LbServer("web-3", "web-3", 8080, false))).render();

  @Test
  void balancesRoundRobinOverEveryServer() {
    assertThat(config).contains("backend web\n    balance roundrobin\n")
        .contains("    server web-1 web-1:8080\n")
        .contains("    server web-2 web-2:9090\n");
  }

  @Test
  void declaresLaterReplicasDisabledSoScalingNeedsNoRestart() {
    assertThat(config).contains("    server web-3 web-3:8080 disabled\n")
        .contains("resolvers lbstack_dns\n    nameserver dns 127.0.0.11:53\n");
  }

  @Test
  void resolvesNoSlotWithLibcAtStartSoTheLbCanStartBeforeTheReplicas() {
    assertThat(config).contains(" init-addr none\n").doesNotContain("libc")
        .contains("    timeout resolve 250ms\n");
  }

  /** Docker's DNS has no AAAA answer for a replica; asking for one first doubled the queries of every slot. */
  @Test
  void asksDockersDnsForIpv4AddressesOnly() {
    assertThat(config).contains(" resolvers lbstack_dns resolve-prefer ipv4 init-addr none\n");
  }

  @Test
  void retriesOnlyIdempotentRequestsAfterTheReplicaSawThem() {
    assertThat(config).contains("    retry-on conn-failure empty-response junk-response response-timeout 0rtt-rejected\n")
        .contains("    http-request disable-l7-retry unless METH_GET || METH_HEAD || METH_OPTIONS\n");
  }

  @Test
  void pinsClientsWithACookieWhenSticky() {
    String sticky = new HaproxyConfig("roundrobin", true, "/", every(Duration.ofSeconds(1)),
        List.of(new LbServer("web-1", "web-1", 8080, true))).render();
    assertThat(sticky).contains("    cookie LBSTACK_SERVER insert indirect nocache\n")
        .contains("    server web-1 web-1:8080 cookie web-1\n");
    assertThat(config).doesNotContain("cookie");
  }

  @Test
  void checksTheHealthPathOverHttpAtTheGivenInterval() {
    assertThat(config).contains("    option httpchk\n")
        .contains("    http-check send meth GET uri /health ver HTTP/1.1 hdr Host localhost\n")
        .contains("default-server check inter 250ms fastinter 250ms downinter 100ms rise 1 fall 2");
  }

  @Test
  void checksADownReplicaAtMostEvery100MsAndNeverLessOftenThanAnUpOne() {
    assertThat(new HaproxyConfig("roundrobin", false, "/", every(Duration.ofMillis(50)), List.of()).render())
        .contains("default-server check inter 50ms fastinter 50ms downinter 50ms ");
    assertThat(new HaproxyConfig("roundrobin", false, "/", every(Duration.ofSeconds(2)), List.of()).render())
        .contains("default-server check inter 2000ms fastinter 2000ms downinter 100ms ");
  }

  @Test
  void namesTheServingReplicaInAResponseHeader() {
    assertThat(config).contains("    http-response set-header X-Served-By %[srv_name]\n");
  }

  @Test
  void listensWhereTheStackExpectsAndRetriesElsewhere() {
    assertThat(config).contains("frontend http\n    bind :8080\n")
        .contains("frontend lbstack_stats\n    mode http\n    bind :8404\n    timeout client 30s\n    no log\n    stats enable\n    stats uri /stats\n")
        .contains("stats socket ipv4@0.0.0.0:9999 level admin")
        .contains("    retries 3\n    option redispatch 1\n");
  }

  @Test
  void usesTheOtherAlgorithmsByTheirHaproxyKeywords() {
    String leastconn = new HaproxyConfig("leastconn", false, "/", every(Duration.ofSeconds(1)), List.of()).render();
    assertThat(leastconn).contains("    balance leastconn\n").contains("inter 1000ms");
  }
}
