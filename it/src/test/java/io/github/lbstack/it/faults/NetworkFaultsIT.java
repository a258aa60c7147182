package io.github.lbstack.it.faults;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.NetworkFault;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.restassured.response.Response;
import io.github.lbstack.traffic.Traffic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Each fault kind on one link of web-2, and its effect: what only a network fault explains (a lower bound on
 * latency, a replica cut off), measured on web-2's own requests; reverting gives web-2 back.
 */
@LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar"))
class NetworkFaultsIT {

  /** The median latency of {@code count} requests straight to a replica, in ms; a failed request counts as slow. */
  private static long medianMillis(Replica replica, String path, int count) {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      // Read to the end: REST-assured returns at the headers, before a slow body has arrived.
      given(replica.spec()).get(path).asByteArray();
      latencies.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(latencies);
    return latencies.get(count / 2);
  }

  @Test
  void aPartitionFromRedisTakesTheReplicaOutUntilItIsClosed(RunningStack stack) {
    Replica web2 = stack.replica(2);
    try (NetworkFault fault = web2.network().to("redis").partition()) {
      assertThat(fault.description()).isEqualTo("partition from redis on web-2");
      web2.awaitDown();
      given(web2.spec()).get("/kv/anything").then().statusCode(500);
      assertThat(Traffic.through(stack).send(6)).hasNoFailures().isStickyTo("web-1");
    }
    web2.awaitUp();
    given(web2.spec()).put("/kv/after?value=v").then().statusCode(204);
  }

  /**
   * 30% of the packets web-2 sends to the database are lost: each lost one costs at least TCP's minimum
   * retransmission timeout of 200 ms, and a request sends several, so most requests take 200 ms more.
   */
  @Test
  void lossToTheDatabaseSlowsTheReplicasDatabaseRequests(RunningStack stack) {
    Replica web2 = stack.replica(2);
    given(web2.spec()).post("/rows?value=seed").then().statusCode(201);
    long during;
    try (NetworkFault fault = web2.network().to("mysql").loss(30)) {
      assertThat(fault.description()).isEqualTo("30% packet loss to mysql on web-2");
      during = medianMillis(web2, "/rows", 15);
    }
    long after = medianMillis(web2, "/rows", 15);
    System.out.printf("GET /rows on web-2: median %d ms with 30%% loss to mysql, %d ms after%n", during, after);
    assertThat(during).isGreaterThanOrEqualTo(200);
    assertThat(after).isLessThan(during);
  }

  /** 800 kbit/s on all of web-2's traffic: 100,000 bytes take at least 0.8 s, less the bucket's 16 KB burst. */
  @Test
  void aBandwidthLimitSlowsLargeResponses(RunningStack stack) {
    Replica web2 = stack.replica(2);
    long during;
    try (NetworkFault fault = web2.network().bandwidth(800)) {
      assertThat(fault.description()).isEqualTo("800 kbit/s bandwidth on all its traffic on web-2");
      during = medianMillis(web2, "/bytes/100000", 3);
    }
    long after = medianMillis(web2, "/bytes/100000", 3);
    System.out.printf("100,000 bytes from web-2: median %d ms at 800 kbit/s, %d ms after%n", during, after);
    assertThat(during).isGreaterThanOrEqualTo(500);
    assertThat(after).isLessThan(during);
  }

  /** The limit on the link to the lb only: through the lb, every response from web-2 is slow, web-1's are not. */
  @Test
  void aBandwidthLimitOnTheLinkToTheLbSlowsOnlyThatReplicasResponses(RunningStack stack) {
    Map<String, List<Long>> latencies = new TreeMap<>();
    try (NetworkFault fault = stack.replica(2).network().to("lb").bandwidth(800)) {
      for (int i = 0; i < 6; i++) {
        long start = System.nanoTime();
        Response response = given(stack.lb()).get("/bytes/100000");
        assertThat(response.asByteArray()).hasSize(100_000);
        latencies.computeIfAbsent(response.getHeader("X-Served-By"), key -> new ArrayList<>())
            .add((System.nanoTime() - start) / 1_000_000);
      }
    }
    System.out.println("100,000 bytes through the lb, 800 kbit/s from web-2 to the lb: " + latencies + " ms");
    assertThat(latencies).containsOnlyKeys("web-1", "web-2");
    assertThat(latencies.get("web-2")).allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(500));
    // A first request may be slow for reasons of its own (a new connection over a swarm's overlay took a second).
    List<Long> web1 = new ArrayList<>(latencies.get("web-1"));
    Collections.sort(web1);
    assertThat(web1.get(web1.size() / 2)).isLessThan(Collections.min(latencies.get("web-2")));
  }

  @Test
  void anUnknownServiceAndBadValuesAreRefusedWithTheFix(RunningStack stack) {
    Replica web1 = stack.replica(1);
    assertThatThrownBy(() -> web1.network().to("mysq").partition()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no service \"mysq\" in stack " + stack.id() + " for a network fault: use one of [lb, "
            + "mysql, redis, web-1, web-2]");
    assertThatThrownBy(() -> web1.network().loss(0)).hasMessageContaining("use a share above 0 and at most 100");
    assertThatThrownBy(() -> web1.network().loss(150)).hasMessageContaining("use a share above 0 and at most 100");
    assertThatThrownBy(() -> web1.network().bandwidth(4)).hasMessageContaining("use 8 kbit/s or more");
    assertThatThrownBy(() -> web1.network().to(" ")).hasMessageContaining("name a service of the stack");
    try (NetworkFault first = web1.network().bandwidth(8000)) {
      assertThatThrownBy(() -> web1.network().to("mysql").bandwidth(8000)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a bandwidth limit is applied already: close it first");
    }
  }

  /** A fault left in force by a failed test is gone before the next test: the extension reverts it. */
  @Test
  void aFaultLeftByAFailedTestIsRevertedBeforeTheNext() {
    EngineExecutionResults results = ItImages.engine().selectors(selectClass(LeftAFaultTestCase.class)).execute();
    results.testEvents().assertStatistics(stats -> stats.started(2).failed(1).succeeded(1));
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar"))
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class LeftAFaultTestCase {

    @Test
    @Order(1)
    void failsWithAPartitionInForce(RunningStack stack) {
      stack.replica(1).network().partition();
      throw new AssertionError("failed on purpose, with web-1 cut off");
    }

    @Test
    @Order(2)
    void findsTheReplicaReachable(RunningStack stack) {
      given(stack.replica(1).spec()).get("/").then().statusCode(200);
    }
  }
}
