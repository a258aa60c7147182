package io.github.lbstack.it.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.Database;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackConfigurationException;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.it.Leftovers;
import org.junit.jupiter.api.Test;

/** The builder outside JUnit's lifecycle: a stack the caller owns, and the services it may leave out. */
class StartedFromCodeIT {

  @Test
  void startsAStackWithoutMysqlOrRedisAndRemovesItOnClose() {
    String id;
    try (RunningStack stack = StackDefinition.builder().replicas(1).jar("target/it-app.jar").healthPath("/")
        .database(Database.NONE).redis(false).start()) {
      id = stack.id();
      assertThat(given(stack.lb()).get("/").then().statusCode(200).extract().asString()).isEqualTo("web-1");
      assertThat(Leftovers.of(id)).noneMatch(resource -> resource.contains("mysql") || resource.contains("redis"));
      assertThatThrownBy(stack::dataSource).isInstanceOf(IllegalStateException.class)
          .hasMessage("stack " + id + " has no database: its definition leaves it out (database = NONE). Set "
              + "database = Database.MYSQL or Database.POSTGRES to have one.");
      assertThatThrownBy(stack::redis).hasMessage("stack " + id + " has no Redis: its definition leaves it out "
          + "(redis = false). Set redis = true to have one.");
    }
    assertThat(Leftovers.of(id)).isEmpty();
  }

  @Test
  void rejectsABadDefinitionBeforeAnythingStarts() {
    assertThatThrownBy(() -> StackDefinition.builder().replicas(0).image("app:1").start())
        .isInstanceOf(StackConfigurationException.class)
        .hasMessage("StackDefinition: replicas = 0 is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
  }
}
