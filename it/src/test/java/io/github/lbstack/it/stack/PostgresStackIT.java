package io.github.lbstack.it.stack;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Database;
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
 * A stack on PostgreSQL: the replicas reach it through the same {@code DB_*} variables (with {@code DB_KIND}), the
 * injected {@code DataSource} is PostgreSQL's, the definition's scripts run through the image's
 * {@code /docker-entrypoint-initdb.d}, and a reset returns to the data at ready: seed rows, foreign keys and
 * sequences included.
 */
@LoadBalancedStack(database = Database.POSTGRES, replicas = 2,
    web = @Web(jar = "target/it-app.jar", env = {"SEED_KEY=app:seed", "JDBC_URL=${db.jdbcUrl}"}),
    databaseInit = {"src/test/resources/db/schema.sql", "src/test/resources/db/postgres/seed.sh",
        "src/test/resources/db/postgres/tags.sql"})
class PostgresStackIT {

  @Test
  void theReplicasShareOnePostgresDatabaseThatTheScriptsFilled(RunningStack stack, DataSource db) throws Exception {
    try (Connection connection = db.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(stack.jdbcUrl()).startsWith("jdbc:postgresql://");
    assertThat(SeedData.colours(db)).as("schema.sql's rows, then seed.sh's").containsExactly("red", "green", "blue");
    assertThat(given(stack.replica(1).spec()).get("/env/JDBC_URL").then().statusCode(200).extract().asString())
        .as("the ${db.jdbcUrl} placeholder").isEqualTo("jdbc:postgresql://postgres:5432/" + stack.databaseName());

    given(stack.replica(1).spec()).post("/rows?value=from-web-1").then().statusCode(201);
    assertThat(given(stack.replica(2).spec()).get("/rows").then().statusCode(200).extract().asString())
        .as("a row written through web-1, read through web-2").contains("from-web-1");
    assertThat(stack.logs("postgres")).contains("database system is ready to accept connections");
    assertThat(Traffic.through(stack).send(6)).hasNoFailures().isRoundRobin();
  }

  @Test
  void aResetKeepsTheSeedRowsForeignKeysAndSequencesAndDropsWhatATestAdded(RunningStack stack, DataSource db,
      JedisPooled redis) throws Exception {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO colours VALUES (4, 'added')");
      statement.execute("INSERT INTO app_seed VALUES ('added')");
      statement.execute("INSERT INTO tags (name) VALUES ('added')");
      statement.execute("INSERT INTO tag_uses VALUES (3, 'test')");
    }
    given(stack.lb()).post("/rows?value=added").then().statusCode(201);
    String seed = redis.get("app:seed");
    redis.set("added", "yes");

    stack.resetData();

    assertThat(SeedData.colours(db)).as("the seed rows, and only them").containsExactly("red", "green", "blue");
    assertThat(SeedData.appSeed(db)).as("the rows the app seeded at its start, and only them")
        .containsExactly("large", "medium", "small");
    assertThat(SeedData.strings(db, "SELECT id || ':' || name FROM tags ORDER BY id")).containsExactly("1:new", "2:sale");
    assertThat(SeedData.strings(db, "SELECT tag_id || ':' || used_by FROM tag_uses")).containsExactly("2:seed");
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO tags (name) VALUES ('after-reset')");
    }
    assertThat(SeedData.strings(db, "SELECT id || ':' || name FROM tags ORDER BY id")).as("the sequence as it was at ready")
        .containsExactly("1:new", "2:sale", "3:after-reset");
    assertThat(given(stack.lb()).get("/rows").then().statusCode(200).extract().asString()).as("the app's rows").isEmpty();
    assertThat(redis.get("added")).isNull();
    assertThat(redis.get("app:seed")).isEqualTo(seed);
    assertThat(Traffic.through(stack).send(4)).hasNoFailures();
    given(stack.lb()).post("/rows?value=after-reset").then().statusCode(201);
  }

  @Test
  void aFailingScriptFailsTheStartWithPostgresMessageNamingTheLineAndLeavesNothing() {
    Throwable failure = ItRuns.startFailure(BrokenScriptTestCase.class);
    assertThat(failure).isInstanceOf(StackStartupException.class);
    assertThat(failure.getMessage())
        .contains("- postgres: container exited with code")
        .contains("01-broken.sql:3: ERROR:  syntax error at or near \"CREAT\"")
        .doesNotContain("raise lbstack.startup.timeout");
    ItRuns.assertNothingLeftOf(failure);
  }

  @LoadBalancedStack(database = Database.POSTGRES, replicas = 1, redis = false, web = @Web(jar = "target/it-app.jar"),
      databaseInit = "src/test/resources/db/broken.sql")
  static class BrokenScriptTestCase {
    @Test
    void neverRuns() {}
  }
}
