package io.github.lbstack.internal.lb;

import static io.github.lbstack.internal.lb.HealthCheckTest.every;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NginxConfigTest {

  private static final List<LbServer> SLOTS = List.of(new LbServer("web-1", "web-1", 8080, true),
      new LbServer("web-2", "web-2", 8080, false));

  private static String render(String balance) {
    return new NginxConfig(balance, 9090, "/ready", every(Duration.ofMillis(500))).render();
  }

  @Test
  void balancesAsAskedWithTheUpstreamInAFileOfItsOwn() {
    assertThat(render("ROUND_ROBIN")).contains("    upstream web {\n        server 127.0.0.1:9 down;\n"
        + "        include /etc/nginx/lbstack-upstream*.inc;\n    }\n").doesNotContain("least_conn", "ip_hash");
    assertThat(render("LEAST_CONN")).contains("    upstream web {\n        least_conn;\n");
    assertThat(render("SOURCE")).contains("    upstream web {\n        ip_hash;\n");
  }

  @Test
  void namesTheServingReplicaAndRetriesOnlyWhatNginxRetries() {
    assertThat(render("ROUND_ROBIN"))
        .contains("map $upstream_addr $lbstack_served_by {\n        default \"\";\n"
            + "        include /etc/nginx/lbstack-served-by*.inc;\n")
        .contains("\n    add_header X-Served-By $lbstack_served_by always;\n")
        .contains("            proxy_next_upstream error timeout invalid_header http_502 http_503 http_504;\n")
        .doesNotContain("non_idempotent");
  }

  @Test
  void checksEachReplicaThroughTheLbWithDockersDnsAskedAfresh() {
    assertThat(render("ROUND_ROBIN")).contains("        listen 8404;\n")
        .contains("            resolver 127.0.0.11 valid=1s ipv6=off;\n")
        .contains("            proxy_pass http://$lbstack_server:9090/ready;\n")
        .contains("            add_header X-Lbstack-Address $upstream_addr always;\n")
        .contains("            return 200 $lbstack_generation;\n");
  }

  @Test
  void publishesTheFrontendAndTheControlPortAndChecksWithNginxT() {
    LbConfig config = new NginxConfig("ROUND_ROBIN", 8080, "/health", every(Duration.ofMillis(500))).generated(SLOTS);

    assertThat(config.kind()).isEqualTo(LbKind.NGINX);
    assertThat(config.path()).isEqualTo("/etc/nginx/nginx.conf");
    assertThat(config.ports()).containsExactly(8080, 8404);
    assertThat(config.checkCommand()).containsExactly("nginx", "-t", "-c", "/etc/nginx/nginx.conf");
    assertThat(config.servers()).isEqualTo(SLOTS);
  }

  @Test
  void writesServersByAddressAndMapsTheLastTriedAddressToTheirNames() {
    Map<String, String> servers = new LinkedHashMap<>();
    servers.put("web-1", "172.18.0.5:8080");
    servers.put("web-3", "172.18.0.7:8080");

    Map<String, String> files = NginxConfig.files(servers, 7, Duration.ofSeconds(2));

    assertThat(files.get("/etc/nginx/lbstack-upstream.inc")).isEqualTo(
        "server 172.18.0.5:8080 max_fails=1 fail_timeout=2s;\nserver 172.18.0.7:8080 max_fails=1 fail_timeout=2s;\n");
    assertThat(files.get("/etc/nginx/lbstack-served-by.inc")).isEqualTo(
        "\"~(^|\\s)172\\.18\\.0\\.5:8080$\" web-1;\n\"~(^|\\s)172\\.18\\.0\\.7:8080$\" web-3;\n");
    assertThat(files.get("/etc/nginx/lbstack-generation.inc")).isEqualTo("\"\" 7;\n");
    String servedBy = files.get("/etc/nginx/lbstack-served-by.inc");
    java.util.regex.Pattern web1 = java.util.regex.Pattern.compile(servedBy.split("\"")[1].substring(1));
    assertThat(web1.matcher("172.18.0.6:8080, 172.18.0.5:8080").find()).as("retried, then served").isTrue();
    assertThat(web1.matcher("172.18.0.5:8080, 172.18.0.6:8080").find()).as("failed, then retried elsewhere")
        .isFalse();
    assertThat(web1.matcher("172.18.0.50:8080").find()).isFalse();
  }

  @Test
  void countsTheAccessLogFromWhereItLeftOffAndKeepsAPartialLineForLater() {
    NginxControl.AccessLog log = new NginxControl.AccessLog();

    log.read("lbstack-access web web-1 200\nlbstack-access web web-2 502\nlbstack-access - - 301\nlbstack-acc");
    assertThat(log.responses).isEqualTo(3);
    assertThat(log.served).isEqualTo(Map.of("web-1", 1L, "web-2", 1L));
    assertThat(log.failed).isEqualTo(Map.of("web-2", 1L));
    assertThat(log.backends).isEqualTo(Map.of("web", 2L));
    long offset = log.offset;
    assertThat(offset).isEqualTo("lbstack-access web web-1 200\nlbstack-access web web-2 502\nlbstack-access - - 301\n"
        .length());

    log.read("lbstack-access web web-1 200\n127.0.0.1 - - [date] \"GET / HTTP/1.1\" 200\n");
    assertThat(log.responses).isEqualTo(4);
    assertThat(log.served.get("web-1")).isEqualTo(2);
    assertThat(log.offset).isGreaterThan(offset);
  }
}
