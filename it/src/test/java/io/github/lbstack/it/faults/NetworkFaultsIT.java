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
import java.time.Duration;
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
    Map<String, List<Long>> latencies;
    try (NetworkFault fault = stack.replica(2).network().to("lb").bandwidth(800)) {
      latencies = latenciesThroughTheLb(stack, "/bytes/100000", 6);
    }
    System.out.println("100,000 bytes through the lb, 800 kbit/s from web-2 to the lb: " + latencies + " ms");
    assertThat(latencies).containsOnlyKeys("web-1", "web-2");
    assertThat(latencies.get("web-2")).allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(500));
    // A first request may be slow for reasons of its own (a new connection over a swarm's overlay took a second).
    assertThat(median(latencies.get("web-1"))).isLessThan(Collections.min(latencies.get("web-2")));
  }

  /**
   * 400 ms ± 50 ms on web-2's link to the lb: through the lb, each of web-2's answers takes at least 350 ms and they
   * spread; web-1's do not. Reverted, web-2 answers through the lb as fast as web-1 again. What an undelayed answer
   * takes depends on the machine (193 ms at the fastest with every core busy), so web-1 and the reverted web-2 are held
   * to the delayed answers of the same run, which took the same path on the same machine plus the delay: the fastest
   * of each must beat the fastest delayed one by 200 ms. A link still delayed cannot (its answers are at most 100 ms
   * apart, the jitter's range, from the delayed ones); an undelayed one does unless the machine's own answer times
   * swing by 150 ms between two windows a second apart.
   */
  @Test
  void aDelayWithJitterOnTheLinkToTheLbSlowsOnlyThatReplica(RunningStack stack) {
    // The first requests of a run pay for the client's warm-up: not what the spread below is about.
    latenciesThroughTheLb(stack, "/", 2);
    Map<String, List<Long>> latencies;
    try (NetworkFault fault = stack.replica(2).network().to("lb").delay(Duration.ofMillis(400),
        Duration.ofMillis(50))) {
      assertThat(fault.description()).isEqualTo("400 ms ± 50 ms delay to lb on web-2");
      latencies = latenciesThroughTheLb(stack, "/", 16);
    }
    System.out.println("GET / through the lb, 400 ms ± 50 ms from web-2 to the lb: " + latencies + " ms");
    assertThat(latencies).containsOnlyKeys("web-1", "web-2");
    List<Long> web2 = latencies.get("web-2");
    assertThat(web2).allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(350));
    // Eight draws from 350-450 ms all within 20 ms of each other: about one run in ten thousand.
    assertThat(Collections.max(web2) - Collections.min(web2)).isGreaterThanOrEqualTo(20);
    // Fastest against fastest: the minimum of several answers shrugs off the slow ones a busy machine adds, which made
    // medians compared this way fail.
    long undelayedBelow = Collections.min(web2) - 200;
    List<Long> web1 = latencies.get("web-1");
    assertThat(Collections.min(web1)).as("web-1's fastest answer, of %s ms, against web-2's delayed %s ms", web1, web2)
        .isLessThan(undelayedBelow);
    List<Long> reverted = latenciesThroughTheLb(stack, "/", 12).get("web-2");
    assertThat(Collections.min(reverted))
        .as("web-2's fastest answer once reverted, of %s ms, against its delayed %s ms", reverted, web2)
        .isLessThan(undelayedBelow);
  }

  /** 100 ms to the database: a request to web-2 that opens a connection and queries makes several round trips. */
  @Test
  void aDelayToTheDatabaseSlowsTheReplicasDatabaseRequests(RunningStack stack) {
    Replica web2 = stack.replica(2);
    given(web2.spec()).post("/rows?value=seed").then().statusCode(201);
    long during;
    long withoutTheDatabase;
    try (NetworkFault fault = web2.network().to("mysql").delay(Duration.ofMillis(100))) {
      assertThat(fault.description()).isEqualTo("100 ms delay to mysql on web-2");
      during = medianMillis(web2, "/rows", 5);
      withoutTheDatabase = medianMillis(web2, "/", 5);
    }
    long after = medianMillis(web2, "/rows", 5);
    System.out.printf("GET /rows on web-2: median %d ms with 100 ms delay to mysql, %d ms after%n", during, after);
    assertThat(during).isGreaterThanOrEqualTo(200);
    assertThat(after).isLessThan(during);
    // Only that link is delayed: web-2's pages that need no database are not slowed by it.
    assertThat(withoutTheDatabase).isLessThan(during);
  }

  private static Map<String, List<Long>> latenciesThroughTheLb(RunningStack stack, String path, int count) {
    Map<String, List<Long>> latencies = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      Response response = given(stack.lb()).get(path);
      // Read to the end: REST-assured returns at the headers, before a slow body has arrived.
      response.asByteArray();
      assertThat(response.statusCode()).isEqualTo(200);
      latencies.computeIfAbsent(response.getHeader("X-Served-By"), key -> new ArrayList<>())
          .add((System.nanoTime() - start) / 1_000_000);
    }
    return latencies;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
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
    assertThatThrownBy(() -> web1.network().delay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use a delay above 0 and at most 1 minute");
    assertThatThrownBy(() -> web1.network().delay(Duration.ofMillis(100), Duration.ofMillis(150)))
        .hasMessageContaining("use a jitter from 0 to the delay, such as Duration.ofMillis(25)");
    try (NetworkFault first = web1.network().bandwidth(8000)) {
      assertThatThrownBy(() -> web1.network().to("mysql").bandwidth(8000)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a bandwidth limit is applied already: close it first");
    }
  }

  /**
   * A fault left in force by a failed test is gone before the next test: the extension reverts it. The failure's
   * evidence says which fault was in force, and when.
   */
  @Test
  void aFaultLeftByAFailedTestIsRevertedBeforeTheNext() {
    java.nio.file.Path reports = java.nio.file.Path.of("target/lbstack-reports-of-network-faults-it");
    EngineExecutionResults results = ItImages.engine(reports).selectors(selectClass(LeftAFaultTestCase.class))
        .execute();
    results.testEvents().assertStatistics(stats -> stats.started(2).failed(1).succeeded(1));
    assertThat(reports.resolve(LeftAFaultTestCase.class.getName()).resolve("faults.txt")).content()
        .matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z applied partition on all its traffic on web-1\n");
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
