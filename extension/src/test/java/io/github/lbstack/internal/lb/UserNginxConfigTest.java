package io.github.lbstack.internal.lb;

import static io.github.lbstack.internal.lb.HealthCheckTest.every;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserNginxConfigTest {

  static final String SHOP = """
      user nginx;
      events { worker_connections 512; }

      http {
          upstream app {
              least_conn;
              server shop-1:8080 max_fails=3;
              server shop-2:8080
                  weight=2;
          }
          upstream assets {
              server static:80;
          }
          server {
              listen 80;
              location /api/ {
                  add_header X-Api yes;
                  proxy_pass http://app/;
              }
              location /static/ { proxy_pass http://assets; }
              location = /old { return 301 /api/; }
          }
          server {
              listen 8443 ssl;
              ssl_certificate /etc/nginx/certs/shop.pem;
              ssl_certificate_key /etc/nginx/certs/shop.key;
              access_log off;
              location / { proxy_pass http://app; }
          }
      }
      """;

  private static final List<LbServer> SLOTS = List.of(new LbServer("web-1", "web-1", 8080, true));

  private static LbConfig rewrite(String text) {
    NginxFile file = NginxFile.parse("shop.conf", text);
    return new NginxConfig("ROUND_ROBIN", 8080, "/health", every(Duration.ofMillis(500)))
        .rewrite(file, "app", file.frontendPort("app", 0), SLOTS);
  }

  @Test
  void readsUpstreamsListensAndCertificates() {
    NginxFile file = NginxFile.parse("shop.conf", SHOP);

    assertThat(file.upstreams()).extracting(u -> u.args().get(0)).containsExactly("app", "assets");
    assertThat(file.ports()).containsExactly(80, 8443);
    assertThat(file.frontendPort("app", 0)).isEqualTo(80);
    assertThat(file.frontendPort("app", 8443)).isEqualTo(8443);
    assertThat(file.certificates()).containsExactly("/etc/nginx/certs/shop.pem", "/etc/nginx/certs/shop.key");
  }

  @Test
  void replacesOnlyTheNamedUpstreamsServersAndKeepsEverythingElse() {
    LbConfig config = rewrite(SHOP);
    String text = config.text();

    assertThat(text).contains("# lbstack:         server shop-1:8080 max_fails=3;\n")
        .contains("# lbstack:         server shop-2:8080\n# lbstack:             weight=2;\n")
        .contains("        least_conn;\n")
        .contains("        server static:80;\n")
        .contains("        include /etc/nginx/lbstack-upstream*.inc;\n")
        .contains("location = /old { return 301 /api/; }");
    assertThat(config.kind()).isEqualTo(LbKind.NGINX);
    assertThat(config.httpPort()).isEqualTo(80);
    assertThat(config.statsPort()).isEqualTo(8404);
    assertThat(config.ports()).containsExactly(80, 8443, 8404);
    assertThat(config.tlsPorts()).containsExactly(8443);
    assertThat(config.certificates()).containsExactly("/etc/nginx/certs/shop.pem", "/etc/nginx/certs/shop.key");
  }

  @Test
  void addsTheHeaderWhereAnAddHeaderOfTheBlockWouldHideItAndLeavesUnloggedBlocksAlone() {
    LbConfig config = rewrite(SHOP);

    assertThat(config.text()).contains("        location /api/ {\n    add_header X-Served-By $lbstack_served_by always;\n"
            + "            add_header X-Api yes;\n")
        .contains("    add_header X-Served-By $lbstack_served_by always;\n");
    assertThat(config.changes()).anyMatch(change -> change.startsWith("added X-Served-By to the blocks with "
        + "add_header lines of their own (lines [16])"))
        .anyMatch(change -> change.contains("'access_log off' (lines [23])"));
  }

  @Test
  void mapsEachLineBackToTheUsersLine() {
    LbConfig config = rewrite(SHOP);

    String output = "nginx: [emerg] unknown directive \"least_con\" in /etc/nginx/nginx.conf:"
        + (config.text().split("\n").length > 0 ? lineOf(config, "        least_conn;") : 0);
    assertThat(config.inUsersLines(output)).isEqualTo("nginx: [emerg] unknown directive \"least_con\" in shop.conf:6");
  }

  private static int lineOf(LbConfig config, String line) {
    return List.of(config.text().split("\n", -1)).indexOf(line) + 1;
  }

  @Test
  void namesWhatIsMissingAndHowToFixIt() {
    NginxFile file = NginxFile.parse("shop.conf", SHOP);

    assertThatIllegalArgumentException().isThrownBy(() -> file.frontendPort("shop", 0))
        .withMessage("has no upstream shop (@Lb(backend)): its upstreams are app (line 5), assets (line 11). Name "
            + "the upstream whose servers are your app's replicas.");
    assertThatIllegalArgumentException().isThrownBy(() -> file.frontendPort("", 0))
        .withMessageStartingWith("needs @Lb(backend)");
    assertThatIllegalArgumentException().isThrownBy(() -> NginxFile.parse("x.conf",
            "http {\n upstream app { server a:80; }\n upstream other {\n server b:80;\n }\n server { listen 80; "
                + "location / { proxy_pass http://other; } }\n}\n").frontendPort("app", 0))
        .withMessage("never sends a request to upstream app (line 2): no server block has 'proxy_pass http://app'. "
            + "Add one, or name the upstream your servers use.");
    assertThatIllegalArgumentException().isThrownBy(() -> NginxFile.parse("x.conf", "http {\n server {\n"))
        .withMessage("has a '{' on line 2 that is never closed.");
    assertThatIllegalArgumentException().isThrownBy(() -> NginxFile.parse("x.conf", "events { }\n}\n"))
        .withMessage("has a '}' on line 2 that closes no block.");
    assertThatIllegalArgumentException().isThrownBy(() -> NginxFile.parse("x.conf", "events { }\nhttp {}")
            .frontendPort("app", 0))
        .withMessageStartingWith("has no upstream app (@Lb(backend)): the file has no upstream block.");
    assertThatIllegalArgumentException().isThrownBy(() -> rewrite("http {\n upstream app { server a:80; }\n"
            + " server { listen 80; location / { proxy_pass http://app; } }\n}\n"))
        .withMessageStartingWith("has 'server' on line 2 on the same line as the braces of upstream app");
  }
}
