package io.github.lbstack.it.shared;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import redis.clients.jedis.JedisPooled;

/**
 * Four classes with stacks of their own run at the same time, with different replica counts and data. Every stack
 * answers only for its own class: no request, cached value or row crosses from one to another.
 */
class ParallelIsolationIT {

  /** What each class saw of its stack, checked after all ran. */
  record Seen(String stackId, List<String> tokens, String rows, Map<String, String> keys) {}

  static final Map<String, Seen> seen = new ConcurrentHashMap<>();

  @Test
  void fourStacksAtOnceShareNothing() {
    EngineExecutionResults results = ItImages.engine()
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .selectors(selectClass(AlphaTestCase.class), selectClass(BravoTestCase.class),
            selectClass(CharlieTestCase.class), selectClass(DeltaTestCase.class))
        .execute();

    ItRuns.assertAllSucceeded(results, 4);
    assertThat(seen).hasSize(4);
    assertThat(seen.values()).extracting(Seen::stackId).doesNotHaveDuplicates();
    seen.forEach((name, what) -> {
      assertThat(what.tokens()).as("who answered %s's requests", name).containsOnly(name);
      assertThat(what.rows()).as("rows in %s's database", name).isEqualTo(name);
      assertThat(what.keys()).as("keys in %s's Redis", name).containsOnlyKeys("owner").containsEntry("owner", name);
    });
  }

  /** Writes its name everywhere, waits for the others to do the same, then reads back only its own. */
  abstract static class IsolatedClass {
    @Test
    void seesOnlyItsOwnStack(RunningStack stack, JedisPooled redis) throws Exception {
      String name = getClass().getSimpleName();
      given(stack.lb()).post("/rows?value=" + name).then().statusCode(201);
      given(stack.lb()).put("/kv/owner?value=" + name).then().statusCode(204);
      int replicas = stack.replicas().size();
      Distribution served = Traffic.through(stack).path("/env/TOKEN").clients(2).send(8 * replicas);
      assertThat(served).hasNoFailures().coversAllReplicas();
      List<String> tokens = new java.util.ArrayList<>();
      for (int i = 0; i < 4 * replicas; i++) {
        tokens.add(given(stack.lb()).get("/env/TOKEN").then().statusCode(200).extract().asString());
      }
      Map<String, String> keys = new java.util.HashMap<>();
      redis.keys("*").forEach(key -> keys.put(key, redis.get(key)));
      seen.put(name, new Seen(stack.id(), tokens, given(stack.lb()).get("/rows").then().statusCode(200).extract()
          .asString(), keys));
    }
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "target/it-app.jar", env = "TOKEN=AlphaTestCase"))
  static class AlphaTestCase extends IsolatedClass {}

  @LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar", env = "TOKEN=BravoTestCase"))
  static class BravoTestCase extends IsolatedClass {}

  @LoadBalancedStack(replicas = 3, web = @Web(jar = "target/it-app.jar", env = "TOKEN=CharlieTestCase"))
  static class CharlieTestCase extends IsolatedClass {}

  @LoadBalancedStack(replicas = 2, web = @Web(jar = "target/it-app.jar", env = "TOKEN=DeltaTestCase"))
  static class DeltaTestCase extends IsolatedClass {}
}
