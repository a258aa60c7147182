package io.github.lbstack.it.services;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningService;
import io.github.lbstack.RunningStack;
import io.github.lbstack.ServiceDefinition;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.StackExtension;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.Leftovers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import redis.clients.jedis.Jedis;

/**
 * Another service the app needs (a Redis playing a broker here: any image would do) on the stack's network: the
 * replicas get its address through placeholders and reach it by name, the test JVM reaches its published port, and
 * its drills show what the app does when it is gone. A service that never gets ready fails the start, named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtraServiceIT {

  @RegisterExtension
  static StackExtension stack = StackDefinition.builder().jar("target/it-app.jar").replicas(2).database(Database.NONE)
      .env("BROKER_ADDRESS=${service.broker.host}:${service.broker.port}")
      .healthPath("/")
      .services(ServiceDefinition.of("broker", ItImages.redis(), 6379).readyLog("Ready to accept connections"))
      .build().extension();

  @Test
  @Order(1)
  void theReplicasReachItByNameAndTheTestsByItsPublishedPort(RunningStack stack) {
    given(stack.lb()).get("/env/BROKER_ADDRESS").then().statusCode(200).body(equalTo("broker:6379"));
    given(stack.lb()).get("/reach/BROKER_ADDRESS").then().statusCode(200).body(equalTo("reached broker:6379"));
    InetSocketAddress address = stack.service("broker").address();
    try (Jedis broker = new Jedis(address.getHostString(), address.getPort())) {
      assertThat(broker.ping()).isEqualTo("PONG");
    }
    assertThat(stack.logs("broker")).contains("Ready to accept connections");
  }

  @Test
  @Order(2)
  void itsDrillsShowWhatTheAppDoesWithoutIt(RunningStack stack) {
    RunningService broker = stack.service("broker");
    broker.kill();
    given(stack.lb()).get("/reach/BROKER_ADDRESS").then().statusCode(503).body(startsWith("cannot reach broker:6379"));
    broker.start();
    everyReplicaReachesTheBrokerAgain(stack);
    broker.disconnect();
    given(stack.lb()).get("/reach/BROKER_ADDRESS").then().statusCode(503);
    broker.reconnect();
    everyReplicaReachesTheBrokerAgain(stack);
  }

  /**
   * Once the broker is back, each replica reaches it again as soon as its JVM looks the name up anew (the app's DNS
   * cache is the app's: up to 10 s for a failed lookup by default). The wait ends when every replica has.
   */
  private static void everyReplicaReachesTheBrokerAgain(RunningStack stack) {
    for (Replica replica : stack.replicas()) {
      await(replica.hostname() + " reaches the broker").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> given(replica.spec()).get("/reach/BROKER_ADDRESS").statusCode() == 200);
    }
  }

  @Test
  @Order(3)
  void anUnknownServiceIsRefusedNamingTheOnesThereAre(RunningStack stack) {
    assertThatIllegalArgumentException().isThrownBy(() -> stack.service("mail"))
        .withMessageEndingWith("has no service \"mail\": its services are [broker]");
  }

  @Test
  @Order(4)
  void aServiceThatNeverGetsReadyFailsTheStartNamedWithItsLogAndLeavesNothing() {
    Throwable failure = ItImages.engine().configurationParameter(LoadBalancedStack.STARTUP_TIMEOUT_PROPERTY, "10")
        .selectors(selectClass(NeverReadyTestCase.class)).execute().allEvents().failed().stream().findFirst()
        .orElseThrow(() -> new AssertionError("the class did not fail"))
        .getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();

    assertThat(failure.getMessage()).contains("  - mail: its log does not show \"never printed\" yet")
        .contains("Ready to accept connections");
    Matcher stackId = Pattern.compile("lbstack stack (\\w{8})").matcher(failure.getMessage());
    assertThat(stackId.find()).as(failure.getMessage()).isTrue();
    assertThat(Leftovers.of(stackId.group(1))).isEmpty();
  }

  static class NeverReadyTestCase {
    @RegisterExtension
    static StackExtension stack = StackDefinition.builder().jar("target/it-app.jar").replicas(1).database(Database.NONE)
        .redis(false).healthPath("/")
        .services(ServiceDefinition.of("mail", ItImages.redis(), 6379).readyLog("never printed"))
        .build().extension();

    @Test
    void neverRuns(RunningStack stack) {
      throw new AssertionError("the stack should not have started");
    }
  }
}
