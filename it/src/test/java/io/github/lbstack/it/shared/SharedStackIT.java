package io.github.lbstack.it.shared;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Release;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.Leftovers;
import io.github.lbstack.traffic.Traffic;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import redis.clients.jedis.JedisPooled;

/**
 * Classes of one shared definition get one stack, which lbstack puts back to its definition after each class, and
 * whose data a class can reset. Each scenario runs its fixture classes, in name order, as one JUnit run, so the
 * stack lives as long as that run.
 */
class SharedStackIT {

  static final List<String> stackIds = new ArrayList<>();

  private static EngineExecutionResults run(Class<?>... fixtures) {
    stackIds.clear();
    return ItImages.engine()
        .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
        .selectors(java.util.Arrays.stream(fixtures).map(fixture -> selectClass(fixture))
            .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  /**
   * One JUnit run, classes in name order: DataA, DataB, OtherDefinition, Release, TopologyA, TopologyB. The five of
   * one definition share a stack in turn (DataB resets what DataA left, TopologyA finds the defined version again
   * after Release switched to another, TopologyB finds the topology TopologyA broke put back); OtherDefinition gets a
   * stack of its own. One run instead of one per scenario: each stack start is the
   * expensive part, and what is asserted is the same.
   */
  @Test
  void classesOfOneDefinitionShareAStackInTurnAndAnotherDefinitionGetsItsOwn() {
    EngineExecutionResults results = run(DataATestCase.class, DataBTestCase.class, OtherDefinitionTestCase.class,
        ReleaseTestCase.class, TopologyATestCase.class, TopologyBTestCase.class);

    ItRuns.assertAllSucceeded(results, 6);
    assertThat(stackIds).hasSize(6);
    String shared = stackIds.get(0);
    assertThat(List.of(stackIds.get(1), stackIds.get(3), stackIds.get(4), stackIds.get(5)))
        .as("DataB, Release, TopologyA and TopologyB use DataA's stack").containsOnly(shared);
    assertThat(stackIds.get(2)).as("another definition gets another stack").isNotEqualTo(shared);
    assertThat(Leftovers.of(shared)).as("the shared stack removed when the run ended").isEmpty();
    assertThat(Leftovers.of(stackIds.get(2))).as("the other stack removed when the run ended").isEmpty();
  }

  @LoadBalancedStack(shared = true, replicas = 3, web = @Web(jar = "target/it-app.jar"))
  @Retention(RetentionPolicy.RUNTIME)
  @interface SharedItStack {}

  @SharedItStack
  static class ReleaseTestCase {
    @Test
    void switchesToAnotherVersion(RunningStack stack) {
      stackIds.add(stack.id());
      stack.switchTo(Release.jar("target/it-app.jar").version("2.0"));
      assertThat(stack).runsOnly("2.0");
    }
  }

  @SharedItStack
  static class TopologyATestCase {
    @Test
    void scalesToFiveAndTakesThreeReplicasOut(RunningStack stack) {
      stackIds.add(stack.id());
      assertThat(stack.versions()).as("the release of the class before went with it")
          .containsOnlyKeys("web-1", "web-2", "web-3").doesNotContainValue("2.0");
      stack.scaleTo(5);
      stack.replica(2).kill().awaitDown();
      stack.replica(4).pause().awaitDown();
      stack.replica(5).disconnect().awaitDown();
      assertThat(stack.replicas()).hasSize(5);
    }
  }

  @SharedItStack
  static class TopologyBTestCase {
    @Test
    void seesExactlyTheDefinedReplicasAllUpInRoundRobin(RunningStack stack) {
      stackIds.add(stack.id());
      assertThat(stack.replicas()).extracting(replica -> replica.hostname()).containsExactly("web-1", "web-2", "web-3");
      assertThat(stack.lbStatuses()).isEqualTo(Map.of("web-1", "UP", "web-2", "UP", "web-3", "UP"));
      assertThat(Traffic.through(stack).send(9)).hasNoFailures().coversExactly("web-1", "web-2", "web-3")
          .isRoundRobin();
    }
  }

  @SharedItStack
  static class DataATestCase {
    @Test
    void leavesDataBehind(RunningStack stack, JedisPooled redis, DataSource db) throws Exception {
      stackIds.add(stack.id());
      given(stack.lb()).post("/rows?value=left-behind").then().statusCode(201);
      given(stack.lb()).put("/kv/left?value=behind").then().statusCode(204);
      try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE flyway_schema_history (version VARCHAR(50))");
        statement.execute("INSERT INTO flyway_schema_history VALUES ('1')");
      }
      assertThat(redis.get("left")).isEqualTo("behind");
    }
  }

  @SharedItStack
  static class DataBTestCase {
    @BeforeAll
    static void startClean(RunningStack stack) {
      stack.resetData();
    }

    @Test
    void findsNoDataButTheMigrationHistory(RunningStack stack, JedisPooled redis, DataSource db) throws Exception {
      stackIds.add(stack.id());
      assertThat(redis.get("left")).isNull();
      assertThat(given(stack.lb()).get("/rows").then().statusCode(200).extract().asString()).isEmpty();
      try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
        rows.next();
        assertThat(rows.getInt(1)).as("migration history kept").isEqualTo(1);
      }
    }
  }

  @LoadBalancedStack(shared = true, replicas = 2, web = @Web(jar = "target/it-app.jar"))
  static class OtherDefinitionTestCase {
    @Test
    void hasItsOwnStack(RunningStack stack) {
      stackIds.add(stack.id());
      assertThat(stack.replicas()).hasSize(2);
    }
  }
}
