package io.github.lbstack.it.swarm;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.Service;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.KillUnderTraffic;
import io.github.lbstack.it.SeedData;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import redis.clients.jedis.Jedis;

/**
 * The same stack on a two-node swarm ({@code ./run swarm-tests}, with {@code lbstack.backend=swarm} and DOCKER_HOST
 * at the manager): replicas on both nodes, round-robin over all of them, state shared across nodes, live scaling,
 * drills on tasks wherever they run, database scripts that reach the database's node as swarm configs, and another
 * service (a broker) that replicas on both nodes reach by name over the overlay network. Skipped in
 * a run on one engine.
 */
@EnabledIfSystemProperty(named = "lbstack.backend", matches = "swarm")
@LoadBalancedStack(replicas = 3,
    web = @Web(jar = "target/it-app.jar", env = "BROKER_ADDRESS=${service.broker.host}:${service.broker.port}"),
    databaseInit = {"src/test/resources/db/schema.sql", "src/test/resources/db/seed.sh"},
    services = @Service(name = "broker", image = "${lbstack.image.redis}", port = 6379,
        readyLog = "Ready to accept connections"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmStackIT {

  /** Replica to the node its task runs on: the host of its published address, which is that node's address. */
  private static Map<String, String> nodes(RunningStack stack) {
    Map<String, String> nodes = new TreeMap<>();
    stack.replicas().forEach(replica -> nodes.put(replica.hostname(), replica.uri().getHost()));
    return nodes;
  }

  @Test
  @Order(1)
  void replicasRunOnBothNodesEachUnderItsOwnName(RunningStack stack) {
    Map<String, String> nodes = nodes(stack);
    System.out.println("replica -> swarm node: " + nodes);
    assertThat(new TreeSet<>(nodes.values())).as("nodes running the replicas").hasSize(2);
    assertThat(nodes.get("web-1")).isNotEqualTo(nodes.get("web-2"));
    for (Replica replica : stack.replicas()) {
      given(replica.spec()).get("/").then().statusCode(200).header("X-Hostname", replica.hostname());
    }
  }

  @Test
  @Order(2)
  void theLbSpreadsRequestsRoundRobinOverEveryReplica(RunningStack stack) {
    Distribution served = Traffic.through(stack).send(30);
    System.out.println(served.table());
    assertThat(served).hasNoFailures().isRoundRobin().coversExactly("web-1", "web-2", "web-3");
  }

  @Test
  @Order(3)
  void theDatabaseScriptsRanInTheirOrderOnTheDatabasesNode(DataSource db) throws Exception {
    assertThat(SeedData.colours(db)).as("schema.sql's rows, then seed.sh's").containsExactly("red", "green", "blue");
  }

  @Test
  @Order(3)
  void aSessionACacheValueAndARowAreSharedAcrossNodes(RunningStack stack, DataSource db) throws Exception {
    Replica onFirst = stack.replica(1);
    Replica onSecond = stack.replica(2);
    assertThat(onFirst.uri().getHost()).isNotEqualTo(onSecond.uri().getHost());

    String session = given(onFirst.spec()).post("/session").then().statusCode(201).extract().cookie("SESSION");
    given(onSecond.spec()).cookie("SESSION", session).get("/session").then().statusCode(200);
    given(onSecond.spec()).get("/session").then().statusCode(401);

    given(onFirst.spec()).queryParam("value", "from-node-1").put("/kv/swarm-key").then().statusCode(204);
    given(onSecond.spec()).get("/kv/swarm-key").then().statusCode(200);
    assertThat(stack.redis().get("swarm-key")).isEqualTo("from-node-1");

    given(onSecond.spec()).queryParam("value", "row-from-node-2").post("/rows").then().statusCode(201);
    assertThat(given(onFirst.spec()).get("/rows").then().statusCode(200).extract().asString())
        .contains("row-from-node-2");
    try (var connection = db.getConnection();
        var rows = connection.createStatement().executeQuery("SELECT written_by FROM it_rows")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("web-2");
    }
  }

  @Test
  @Order(3)
  void replicasOnEveryNodeReachAnotherServiceByNameAndTheTestsByItsPort(RunningStack stack) {
    for (Replica replica : stack.replicas()) {
      given(replica.spec()).get("/reach/BROKER_ADDRESS").then().statusCode(200).body(equalTo("reached broker:6379"));
    }
    InetSocketAddress address = stack.service("broker").address();
    try (Jedis broker = new Jedis(address.getHostString(), address.getPort())) {
      assertThat(broker.ping()).isEqualTo("PONG");
    }
  }

  @Test
  @Order(4)
  void scalesFromThreeToFiveAcrossTheNodesAndBack(RunningStack stack) {
    long start = System.nanoTime();
    stack.scaleTo(5);
    System.out.printf("scaleTo(5) on the swarm took %d ms%n", (System.nanoTime() - start) / 1_000_000);
    Map<String, String> nodes = nodes(stack);
    System.out.println("replica -> swarm node: " + nodes);
    assertThat(nodes).containsOnlyKeys("web-1", "web-2", "web-3", "web-4", "web-5");
    assertThat(new TreeSet<>(nodes.values())).hasSize(2);
    assertThat(Traffic.through(stack).send(50)).hasNoFailures().isRoundRobin()
        .coversExactly("web-1", "web-2", "web-3", "web-4", "web-5");

    stack.scaleTo(3);
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2", "web-3").containsValues("UP");
  }

  @Test
  @Order(5)
  void drillsActOnTheTaskWhereverItRuns(RunningStack stack) {
    Replica onSecondNode = stack.replica(2);
    onSecondNode.pause().awaitDown();
    onSecondNode.unpause().awaitUp();
    onSecondNode.stop().awaitDown();
    onSecondNode.start().awaitUp();
    given(onSecondNode.spec()).get("/").then().statusCode(200).header("X-Hostname", "web-2");
    assertThatThrownBy(onSecondNode::disconnect).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("disconnect() is not available on the swarm backend");
  }

  @Test
  @Order(6)
  void theLbRoutesAroundAReplicaKilledDuringTraffic(RunningStack stack) {
    KillUnderTraffic drill = KillUnderTraffic.of(stack, 2);

    assertThat(drill.served()).hasNoFailures().coversExactly("web-1", "web-2", "web-3");
    assertThat(drill.afterDown()).coversExactly("web-1", "web-3").doesNotReach("web-2");
  }
}
