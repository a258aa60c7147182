package io.github.lbstack.it.faults;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.model.ExposedPort;
import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.NetworkFault;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.traffic.Traffic;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * An app whose health check answers slower than the default check timeout (2 s) stays in rotation once
 * {@code lbstack.lb.health-check-timeout} is longer: a busy CI machine, or a health check that asks the database,
 * should not take live replicas out. SlowReplicaIT shows the default taking out the same 3 s-late replica.
 */
class SlowHealthCheckIT {

  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "${it.app.jar}", healthPath = "/"))
  static class ThreeSecondChecks {

    @Test
    void aCheckThatAnswersLaterThanTheDefaultTimeoutPassesAndTheReplicaServes(RunningStack stack) {
      Replica web1 = stack.replica(1);
      // Counted since the lb started, so from before the delay: web-1 was DOWN until it first answered.
      String wentDownBefore = row(stack, "web-1").get("chkdown");
      try (NetworkFault fault = web1.network().to("lb").delay(Duration.ofSeconds(3))) {
        // Ends with the first check that began after the delay: a check that took 3 s and passed. With the default
        // timeout it would have ended at 2 s as a failure (L7TOUT), and the wait would run out.
        Map<String, String> web1Row = await("a check of web-1 that took over 2.5 s and passed")
            .pollInterval(Duration.ofMillis(200)).atMost(Duration.ofMinutes(1))
            .until(() -> row(stack, "web-1"), row -> row.get("check_status").equals("L7OK")
                && Long.parseLong(row.get("check_duration")) >= 2_500);
        // Applying the delay closes the link's open connections, which may fail the check under way then; a
        // second failure in a row (fall 2) would have taken web-1 out.
        assertThat(web1Row.get("chkdown")).as("times web-1 went from UP to DOWN").isEqualTo(wentDownBefore);
        assertThat(web1.lbStatus()).isEqualTo("UP");
        assertThat(Traffic.through(stack).send(2)).hasNoFailures().coversAllReplicas();
      }
    }

    /** A server's row of the lb's stats page (published on 8404, not a frontend of the clients), column to value. */
    private static Map<String, String> row(RunningStack stack, String server) {
      DockerClientFactory docker = DockerClientFactory.instance();
      String statsPort = docker.client().inspectContainerCmd("lbstack-" + stack.id() + "-lb").exec()
          .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8404))[0].getHostPortSpec();
      // REST-assured would take ";csv" for a path parameter.
      List<String> lines = given().urlEncodingEnabled(false)
          .baseUri("http://" + docker.dockerHostIpAddress() + ":" + statsPort).get("/stats;csv")
          .then().statusCode(200).extract().asString().lines().toList();
      List<String> header = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
      String[] values = lines.stream().filter(line -> line.startsWith("web," + server + ",")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + server + " on the lb's stats page:\n" + lines))
          .split(",", -1);
      return IntStream.range(0, header.size()).boxed()
          .collect(Collectors.toMap(header::get, i -> i < values.length ? values[i] : ""));
    }
  }

  @Test
  void aLongerHealthCheckTimeoutKeepsASlowlyCheckedReplicaInRotation() {
    ItRuns.assertAllSucceeded(ItImages.engine().configurationParameter("lbstack.lb.health-check-timeout", "PT8S")
        .selectors(selectClass(ThreeSecondChecks.class)).execute(), 1);
  }
}
