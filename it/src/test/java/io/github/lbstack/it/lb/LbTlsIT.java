package io.github.lbstack.it.lb;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.Database;
import io.github.lbstack.Lb;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.traffic.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * TLS at a generated lb ({@code @Lb(tls = true)}): the clients go through HTTPS with a certificate from the run's CA,
 * which they trust and nothing else does, and a red test's evidence holds neither certificate nor key.
 */
class LbTlsIT {

  private static final Path REPORTS = Path.of("target/lbstack-reports-of-lb-tls-it");

  @Test
  void theLbTerminatesTlsForTheRunsClientsAndTheEvidenceHoldsNoKey() throws Exception {
    EngineExecutionResults results = ItImages.engine(REPORTS).selectors(selectClass(TlsTestCase.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Path evidence = REPORTS.resolve(TlsTestCase.class.getName());
    List<Path> files;
    try (Stream<Path> listed = Files.list(evidence)) {
      files = listed.toList();
    }
    assertThat(files).extracting(file -> file.getFileName().toString()).contains("lb.cfg", "lb.log", "stack.txt");
    for (Path file : files) {
      assertThat(file).content().as(file.toString()).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
    }
    assertThat(evidence.resolve("lb.cfg")).content()
        .contains("    bind :8443 ssl crt /usr/local/etc/haproxy/certs/lbstack.pem\n");
  }

  @LoadBalancedStack(replicas = 2, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", healthPath = "/"), lb = @Lb(tls = true))
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class TlsTestCase {

    @Test
    @Order(1)
    void clientsGoThroughHttpsAndTrustOnlyTheRunsCa(RunningStack stack) {
      assertThat(stack.lbUri()).hasScheme("https");
      assertThat(Traffic.through(stack).send(10)).hasNoFailures().isRoundRobin().coversExactly("web-1", "web-2");
      given(stack.lb(8080)).get("/").then().statusCode(200);
      // A client with only the JDK's CAs refuses the certificate: the run's CA is trusted by the run's clients alone.
      assertThatThrownBy(() -> given().baseUri(stack.lbUri().toString()).get("/"))
          .hasStackTraceContaining("PKIX path building failed");
    }

    @Test
    @Order(2)
    void failsSoThatTheStackLeavesEvidence() {
      throw new AssertionError("on purpose: the stack's evidence must hold no certificate or key");
    }
  }
}
