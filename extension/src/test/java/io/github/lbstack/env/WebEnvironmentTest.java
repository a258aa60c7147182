package io.github.lbstack.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.lbstack.config.Images;
import io.github.lbstack.config.WebSource;
import io.github.lbstack.config.WebSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebEnvironmentTest {

  private static WebSpec web(Map<String, String> env, boolean defaultEnv) {
    return new WebSpec(new WebSource.FromImage("app:1"), 8080, "/health", env, defaultEnv);
  }

  @Test
  void followsTheClassicEnvContractByDefault() {
    WebEnvironment environment = new WebEnvironment(web(Map.of(), true), Images.defaults(), "db_1", "u_1", "pw");

    assertThat(environment.forReplica(2, "web-2")).containsExactly(
        entry("DB_HOST", "mysql"), entry("DB_PORT", "3306"), entry("DB_DATABASE", "db_1"),
        entry("DB_USERNAME", "u_1"), entry("DB_PASSWORD", "pw"), entry("REDIS_HOST", "redis"),
        entry("REDIS_PORT", "6379"));
  }

  @Test
  void expandsUserEntriesPerReplicaAndLetsThemOverrideDefaults() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", "${mysql.jdbcUrl}");
    env.put("NODE", "${replica.hostname}/${replica.index}");
    env.put("DB_HOST", "elsewhere");
    WebEnvironment environment = new WebEnvironment(web(env, true), Images.defaults(), "db_1", "u_1", "pw");

    assertThat(environment.forReplica(3, "web-3"))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://mysql:3306/db_1")
        .containsEntry("NODE", "web-3/3")
        .containsEntry("DB_HOST", "elsewhere");
  }

  @Test
  void passesOnlyUserEntriesWithoutTheDefaults() {
    WebEnvironment environment = new WebEnvironment(web(Map.of("REDIS_URL", "${redis.uri}"), false),
        Images.defaults(), "db_1", "u_1", "pw");

    assertThat(environment.forReplica(1, "web-1")).containsExactly(entry("REDIS_URL", "redis://redis:6379"));
  }
}
