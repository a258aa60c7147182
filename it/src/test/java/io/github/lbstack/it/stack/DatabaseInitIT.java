package io.github.lbstack.it.stack;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackStartupException;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.SeedData;
import io.github.lbstack.traffic.Traffic;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The database runs the definition's scripts, in their order, before any replica starts; the files travel through
 * the Docker API, so this holds on a remote engine too ({@code ./run remote-tests}). A failing script stops the start
 * with the database's own message, which names the line.
 */
@LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar", env = "SEED_KEY=app:seed"),
    databaseInit = {"src/test/resources/db/schema.sql", "src/test/resources/db/seed.sh"})
class DatabaseInitIT {

  @Test
  void theScriptsRanInTheirOrderBeforeTheReplicasServed(RunningStack stack, DataSource db) throws Exception {
    assertThat(SeedData.colours(db)).as("schema.sql's rows, then seed.sh's").containsExactly("red", "green", "blue");
    assertThat(Traffic.through(stack).send(4)).hasNoFailures();
  }

  /**
   * The scripts' rows and the app's start-up key are the stack's seed data: a reset returns to the data at ready, so
   * they are back as they were while the rows a test added (in the scripts' table and in the app's own) and its
   * Redis keys go, and the replicas keep serving.
   */
  @Test
  void aResetKeepsTheSeedRowsAndDropsWhatATestAdded(RunningStack stack, DataSource db, JedisPooled redis)
      throws Exception {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO colours VALUES (4, 'added')");
      statement.execute("INSERT INTO app_seed VALUES ('added')");
    }
    given(stack.lb()).post("/rows?value=added").then().statusCode(201);
    String seed = redis.get("app:seed");
    assertThat(seed).as("the app's start-up key, written before it reported healthy").startsWith("web-");
    redis.set("app:seed", "overwritten by a test");
    redis.set("added", "yes");

    stack.resetData();

    assertThat(SeedData.colours(db)).as("the seed rows, and only them").containsExactly("red", "green", "blue");
    assertThat(SeedData.appSeed(db)).as("the rows the app seeded at its start, and only them")
        .containsExactly("large", "medium", "small");
    assertThat(given(stack.lb()).get("/rows").then().statusCode(200).extract().asString()).as("the app's rows").isEmpty();
    assertThat(redis.get("added")).isNull();
    assertThat(redis.get("app:seed")).as("the start-up key as it was at ready").isEqualTo(seed);
    assertThat(Traffic.through(stack).send(4)).hasNoFailures();
    given(stack.lb()).post("/rows?value=after-reset").then().statusCode(201);
  }

  @Test
  void aFailingScriptFailsTheStartWithTheDatabasesMessageNamingTheLineAndLeavesNothing() {
    Throwable failure = ItRuns.startFailure(BrokenScriptTestCase.class);
    assertThat(failure).isInstanceOf(StackStartupException.class);
    assertThat(failure.getMessage())
        .contains("- mysql: container exited with code 1")
        .contains("running /docker-entrypoint-initdb.d/01-broken.sql")
        .contains("ERROR 1064 (42000) at line 3")
        .doesNotContain("raise lbstack.startup.timeout");
    ItRuns.assertNothingLeftOf(failure);
  }

  @LoadBalancedStack(replicas = 1, redis = false, web = @Web(jar = "target/it-app.jar"),
      databaseInit = "src/test/resources/db/broken.sql")
  static class BrokenScriptTestCase {
    @Test
    void neverRuns() {}
  }
}
