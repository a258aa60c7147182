package io.github.lbstack.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;
import redis.clients.jedis.JedisPooled;

/** A stack without MySQL and Redis starts without them, and asking for their clients says why there are none. */
class LeftOutServicesIT {

  @Test
  void theClientsOfLeftOutServicesFailWithAMessageThatSaysWhy() {
    Events tests = ItImages.engine().selectors(selectClass(WebOnlyTestCase.class)).execute().testEvents();

    tests.assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
    tests.assertThatEvents().haveExactly(1, event(test("asksForSomethingNobodyResolves"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(actual -> actual.startsWith(
            "No ParameterResolver registered for parameter [java.lang.String")))));
    tests.assertThatEvents().haveExactly(1, event(test("asksForADataSource"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(actual -> actual.endsWith(
            ": the stack has no database (database = NONE). Remove the parameter, or set database = "
                + "Database.MYSQL or Database.POSTGRES.")))));
    tests.assertThatEvents().haveExactly(1, event(test("asksForRedis"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(actual -> actual.endsWith(
            ": the stack leaves out Redis (redis = false). Remove the parameter, or set redis = true.")))));
  }

  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "target/it-app.jar", healthPath = "/"))
  static class WebOnlyTestCase {
    @Test
    void servesWithoutThem(RunningStack stack) {
      assertThat(stack.logs("web-1")).contains("as web-1");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> stack.logs("mysql"))
          .hasMessageContaining("use one of [lb, web-1]");
    }

    @Test
    void asksForADataSource(DataSource db) {}

    @Test
    void asksForRedis(JedisPooled redis) {}

    /** lbstack leaves types it does not own to other resolvers; with none, JUnit says so. */
    @Test
    void asksForSomethingNobodyResolves(String nobodysType) {}
  }
}
