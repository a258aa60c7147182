package io.github.lbstack.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebEnvironmentTest {

  private static final WebEnvironment.Secrets SECRETS = new WebEnvironment.Secrets("db_1", "u_1", "pw");

  private static TestSpecs image() {
    return TestSpecs.image("app:1");
  }

  @Test
  void followsTheClassicEnvContractByDefault() {
    WebEnvironment environment = new WebEnvironment(image().build(), SECRETS);

    assertThat(environment.forReplica(2)).containsExactly(
        entry("DB_KIND", "mysql"), entry("DB_HOST", "mysql"), entry("DB_PORT", "3306"), entry("DB_DATABASE", "db_1"),
        entry("DB_USERNAME", "u_1"), entry("DB_PASSWORD", "pw"), entry("REDIS_HOST", "redis"),
        entry("REDIS_PORT", "6379"));
  }

  @Test
  void expandsUserEntriesPerReplicaAndLetsThemOverrideDefaults() {
    WebEnvironment environment = new WebEnvironment(image().set("env", List.of("SPRING_DATASOURCE_URL=${mysql.jdbcUrl}",
        "NODE=${replica.hostname}/${replica.index}", "DB_HOST=elsewhere")).build(), SECRETS);

    assertThat(environment.forReplica(3))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://mysql:3306/db_1")
        .containsEntry("NODE", "web-3/3")
        .containsEntry("DB_HOST", "elsewhere");
  }

  @Test
  void givesAPostgresStackTheSameVariablesAndPlaceholdersOfItsKind() {
    WebEnvironment environment = new WebEnvironment(image().set("database", DatabaseKind.POSTGRES)
        .set("env", List.of("URL=${db.jdbcUrl}", "PG=${postgres.host}:${postgres.port}", "KIND=${db.kind}")).build(),
        SECRETS);

    assertThat(environment.forReplica(1)).containsExactly(
        entry("DB_KIND", "postgresql"), entry("DB_HOST", "postgres"), entry("DB_PORT", "5432"),
        entry("DB_DATABASE", "db_1"), entry("DB_USERNAME", "u_1"), entry("DB_PASSWORD", "pw"),
        entry("REDIS_HOST", "redis"), entry("REDIS_PORT", "6379"), entry("URL", "jdbc:postgresql://postgres:5432/db_1"),
        entry("PG", "postgres:5432"), entry("KIND", "postgresql"));
  }

  @Test
  void passesOnlyUserEntriesWithoutTheDefaults() {
    WebEnvironment environment = new WebEnvironment(image().set("env", List.of("REDIS_URL=${redis.uri}")).set("defaultEnv", false)
        .build(), SECRETS);

    assertThat(environment.forReplica(1)).containsExactly(entry("REDIS_URL", "redis://redis:6379"));
  }

  @Test
  void leavesOutTheVariablesOfALeftOutService() {
    assertThat(new WebEnvironment(image().set("redis", false).build(), SECRETS).forReplica(1))
        .containsOnlyKeys("DB_KIND", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USERNAME", "DB_PASSWORD");
    assertThat(new WebEnvironment(image().set("database", DatabaseKind.NONE).build(), SECRETS).forReplica(1))
        .containsOnlyKeys("REDIS_HOST", "REDIS_PORT");
  }
}
