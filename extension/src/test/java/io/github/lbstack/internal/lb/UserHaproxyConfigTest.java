package io.github.lbstack.internal.lb;

import static io.github.lbstack.internal.lb.HealthCheckTest.every;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserHaproxyConfigTest {

  private static final String SHOP = """
      global
          log stdout format raw local0
          maxconn 2000

      defaults
          mode http
          timeout connect 3s
          timeout client 20s
          timeout server 20s

      frontend www
          bind :8080
          bind :8404
          acl is_static path_beg /static
          http-request redirect location /shop/ code 302 if { path / }
          use_backend static if is_static
          default_backend app

      backend app
          balance leastconn
          option httpchk GET /ready
          http-check expect status 200
          http-response set-header X-Shop yes
          server app1 10.0.0.1:8080 check
          server app2 10.0.0.2:8080 check

      backend static
          http-request return status 200 content-type text/plain string "static"
      """;

  private final HaproxyConfig lbstack = new HaproxyConfig("roundrobin", false, "/health", every(Duration.ofMillis(250)),
      IntStream.rangeClosed(1, 3).mapToObj(i -> new LbServer("web-" + i, "web-" + i, 8080, i <= 2)).toList());

  private LbConfig rewrite(String text, String backend) {
    HaproxyFile file = HaproxyFile.parse("src/test/haproxy/shop.cfg", text);
    return lbstack.rewrite(file, backend, file.frontendPort(backend, 0));
  }

  @Test
  void putsTheReplicasSlotsInPlaceOfTheBackendsServerLinesAndKeepsEverythingElse() {
    LbConfig config = rewrite(SHOP, "app");
    assertThat(config.text())
        .contains("    # lbstack replaced: server app1 10.0.0.1:8080 check\n")
        .contains("    # lbstack replaced: server app2 10.0.0.2:8080 check\n")
        .contains("    server web-1 web-1:8080\n    server web-2 web-2:8080\n    server web-3 web-3:8080 disabled\n")
        .contains("    http-response set-header X-Served-By %[srv_name]\n")
        .contains("resolvers lbstack_dns resolve-prefer ipv4 init-addr none")
        .contains("    acl is_static path_beg /static\n")
        .contains("    http-request redirect location /shop/ code 302 if { path / }\n")
        .contains("backend static\n    http-request return status 200 content-type text/plain string \"static\"\n")
        .contains("    http-response set-header X-Shop yes\n");
    assertThat(config.text().indexOf("server web-1")).isBetween(config.text().indexOf("\nbackend app"),
        config.text().indexOf("\nbackend static"));
  }

  @Test
  void keepsTheUsersHealthCheckAndBalanceAndAddsNeitherOfItsOwn() {
    LbConfig config = rewrite(SHOP, "app");
    assertThat(config.text()).contains("    option httpchk GET /ready\n    http-check expect status 200\n")
        .contains("    balance leastconn\n")
        .doesNotContain("http-check send").doesNotContain("balance roundrobin");
  }

  @Test
  void addsItsHealthCheckAndBalanceWhereTheBackendHasNone() {
    LbConfig config = rewrite("""
        defaults
            mode http
        frontend www
            bind :80
            default_backend app
        backend app
            server a a:8080
        """, "app");
    assertThat(config.text()).contains("    option httpchk\n    http-check send meth GET uri /health")
        .contains("    balance roundrobin\n")
        // No global section: lbstack adds one for its Runtime API.
        .startsWith("global\n    stats socket ipv4@0.0.0.0:9999 level admin\n");
    assertThat(config.changes()).anyMatch(change -> change.contains("health check"))
        .anyMatch(change -> change.contains("added a global section"));
    assertThat(config.httpPort()).isEqualTo(80);
    assertThat(config.ports()).contains(80, 8404, 9999);
  }

  @Test
  void givesTheBackendLbstacksCheckTimeoutOnlyWhereTheFileSetsNone() {
    LbConfig none = rewrite(SHOP, "app");
    assertThat(none.text())
        .contains("    # lbstack: the replicas' slots and identity header\n    timeout check 2000ms\n");
    assertThat(none.changes()).contains("added 'timeout check 2000ms' (lbstack.lb.health-check-timeout) to backend "
        + "app: the file sets none, and HAProxy would time a check out at lbstack's interval");

    LbConfig own = rewrite(SHOP.replace("    timeout server 20s\n", "    timeout server 20s\n    timeout check 7s\n"),
        "app");
    assertThat(own.text()).contains("    timeout check 7s\n").doesNotContain("timeout check 2000ms");
    assertThat(own.changes()).noneMatch(change -> change.contains("timeout check"));

    LbConfig otherBackends = rewrite(SHOP.replace("backend static\n", "backend static\n    timeout check 7s\n"),
        "app");
    assertThat(otherBackends.text()).as("another backend's timeout is not app's")
        .contains("    timeout check 2000ms\n");
  }

  @Test
  void putsItsStatsPageAndRuntimeApiOnPortsTheFileDoesNotUse() {
    LbConfig config = rewrite(SHOP, "app");
    assertThat(config.statsPort()).isEqualTo(9404);
    assertThat(config.runtimeApiPort()).isEqualTo(9999);
    assertThat(config.text()).contains("frontend lbstack_stats\n    mode http\n    bind :9404\n")
        .contains("    maxconn 2000\n    stats socket ipv4@0.0.0.0:9999 level admin\n");
    assertThat(config.ports()).containsExactlyInAnyOrder(8080, 8404, 9404, 9999);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.backend()).isEqualTo("app");
  }

  @Test
  void pointsTheBalancersMessagesAtTheUsersLines() {
    LbConfig config = rewrite(SHOP, "app");
    List<String> rendered = List.of(config.text().split("\n"));
    int balanceLine = rendered.indexOf("    balance leastconn") + 1;
    int slotLine = rendered.indexOf("    server web-1 web-1:8080") + 1;
    String output = "[ALERT] parsing [" + HaproxyConfig.CONFIG_PATH + ":" + balanceLine + "] : unknown keyword\n"
        + "[WARNING] parsing [" + HaproxyConfig.CONFIG_PATH + ":" + slotLine + "] : something";
    assertThat(config.inUsersLines(output))
        .contains("[src/test/haproxy/shop.cfg:20] : unknown keyword")
        .contains("[line lbstack added: 'server web-1 web-1:8080'] : something");
  }

  @Test
  void namesTheBackendsOfTheFileWhenTheNamedOneIsNotInIt() {
    HaproxyFile file = HaproxyFile.parse("shop.cfg", SHOP);
    assertThatThrownBy(() -> file.frontendPort("web", 0))
        .hasMessage("has no backend 'web' (its backends: app, static): set backend to the one that holds your app's "
            + "servers.");
    assertThatThrownBy(() -> file.frontendPort("", 0)).hasMessageContaining("names no backend")
        .hasMessageContaining("app, static");
  }

  @Test
  void refusesABackendThatNoFrontendReaches() {
    HaproxyFile file = HaproxyFile.parse("shop.cfg", SHOP.replace("default_backend app", "default_backend static"));
    assertThatThrownBy(() -> file.frontendPort("app", 0))
        .hasMessageContaining("has no frontend that reaches backend 'app' (line 19)")
        .hasMessageContaining("'default_backend app' or 'use_backend app'");
  }

  @Test
  void refusesATcpBackendSinceReplicasAreToldApartByAHeader() {
    HaproxyFile file = HaproxyFile.parse("shop.cfg", """
        frontend www
            bind :8080
            default_backend app
        backend app
            server a a:8080
        """);
    assertThatThrownBy(() -> file.frontendPort("app", 0)).hasMessageContaining("in mode tcp")
        .hasMessageContaining("Use mode http in that backend");
  }

  @Test
  void takesTheRequestedPortOnlyWhenTheFileBindsIt() {
    HaproxyFile file = HaproxyFile.parse("shop.cfg", SHOP);
    assertThat(file.frontendPort("app", 8404)).isEqualTo(8404);
    assertThatThrownBy(() -> file.frontendPort("app", 9000))
        .hasMessage("binds no port 9000 (its ports: [8080, 8404]): set port to one the file binds.");
  }

  @Test
  void prefersTheTlsBindInFrontOfTheBackendAndServesItsCertificatePath() {
    HaproxyFile tls = HaproxyFile.parse("shop.cfg", SHOP.replace("    bind :8404\n",
        "    bind :8404\n    bind :8443 ssl crt /etc/ssl/shop.pem alpn h2,http/1.1\n"));
    assertThat(tls.frontendPort("app", 0)).isEqualTo(8443);
    assertThat(tls.certificates()).containsExactly("/etc/ssl/shop.pem");
    assertThat(HaproxyFile.parse("shop.cfg", SHOP).frontendPort("app", 0)).isEqualTo(8080);
    assertThat(HaproxyFile.parse("shop.cfg", SHOP.replace("    maxconn 2000\n", "    crt-base /etc/ssl\n")
        .replace("    bind :8404\n", "    bind :8443 ssl crt certs/\n")).certificates())
        .containsExactly("/etc/ssl/certs/lbstack.pem");
  }

  @Test
  void refusesTlsBindsItCannotServeACertificateTo() {
    assertThatThrownBy(() -> HaproxyFile.parse("shop.cfg", SHOP.replace("    bind :8404\n",
        "    bind :8443 ssl crt-list /etc/ssl/list.txt\n")).frontendPort("app", 0))
        .hasMessage("uses crt-list on line 13: lbstack serves one certificate per stack; use 'crt <file>' in the file "
            + "you test.");
    assertThatThrownBy(() -> HaproxyFile.parse("shop.cfg", SHOP.replace("    bind :8404\n",
        "    bind :8443 ssl crt shop.pem\n")).frontendPort("app", 0))
        .hasMessageContaining("names the certificate 'shop.pem' on line 13 by a relative path and sets no crt-base");
  }

  @Test
  void readsTheAddressFormsHaproxyAccepts() {
    assertThat(HaproxyFile.port(":80")).contains(80);
    assertThat(HaproxyFile.port("*:8080")).contains(8080);
    assertThat(HaproxyFile.port("ipv4@0.0.0.0:81")).contains(81);
    assertThat(HaproxyFile.port("[::]:443")).contains(443);
    assertThat(HaproxyFile.port(":::8443")).contains(8443);
    assertThat(HaproxyFile.port(":8000-8010")).contains(8000);
    assertThat(HaproxyFile.port("unix@/var/run/h.sock")).isEmpty();
    assertThat(HaproxyFile.port("/var/run/h.sock")).isEmpty();
  }
}
