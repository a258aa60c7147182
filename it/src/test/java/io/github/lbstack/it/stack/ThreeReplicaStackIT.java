package io.github.lbstack.it.stack;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Traffic;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import redis.clients.jedis.JedisPooled;

@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"))
class ThreeReplicaStackIT {

  @Test
  void nineRequestsThroughTheLbCycleOverThreeReplicas(RequestSpecification lb) {
    Distribution distribution = Traffic.through(lb).send(9);

    org.assertj.core.api.Assertions.assertThat(distribution.replicas()).as("the injected lb spec knows its replicas")
        .containsExactly("web-1", "web-2", "web-3");
    assertThat(distribution).coversExactly("web-1", "web-2", "web-3").isRoundRobin();
  }

  @Test
  void servedByHeaderIsTheHostnameTheAppReports(RequestSpecification lb) {
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Response response = given(lb).get("/");
      if (!response.getHeader("X-Served-By").equals(response.body().asString())) {
        mismatches.add(response.getHeader("X-Served-By") + " != " + response.body().asString());
      }
      assertThat(response.getHeader("X-Hostname")).isEqualTo(response.body().asString());
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void aReplicaSpecReachesExactlyThatReplica(RunningStack stack) {
    assertThat(stack.replicas()).extracting(Replica::hostname).containsExactly("web-1", "web-2", "web-3");
    for (Replica replica : stack.replicas()) {
      for (int i = 0; i < 3; i++) {
        Response response = given(replica.spec()).get("/");
        assertThat(response.body().asString()).isEqualTo(replica.hostname());
        assertThat(response.getHeader("X-Served-By")).as("no lb in between").isNull();
      }
    }
  }

  @Test
  void rowsWrittenThroughOneReplicaAreReadWithTheInjectedDataSource(RunningStack stack, DataSource db)
      throws Exception {
    given(stack.replica(2).spec()).queryParam("value", "from-replica-2").post("/rows").then().statusCode(201);

    try (Connection connection = db.getConnection();
        ResultSet rows = connection.createStatement()
            .executeQuery("SELECT written_by FROM it_rows WHERE value = 'from-replica-2'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("web-2");
    }
    // And every other replica sees it too: one shared database.
    assertThat(given(stack.replica(3).spec()).get("/rows").body().asString()).contains("from-replica-2");
  }

  @Test
  void aKeySetThroughAReplicaIsReadWithTheInjectedJedis(RunningStack stack, JedisPooled redis) {
    given(stack.replica(1).spec()).queryParam("value", "set-by-web-1").put("/kv/it-key").then().statusCode(204);

    assertThat(redis.get("it-key")).isEqualTo("set-by-web-1");
  }

  @Test
  void theHandleDescribesTheStack(RunningStack stack) {
    assertThat(stack.jdbcUrl()).startsWith("jdbc:mysql://").contains("/" + stack.databaseName());
    assertThat(stack.databaseName()).startsWith("db_");
    assertThat(stack.databasePassword()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(stack.redisUri().getScheme()).isEqualTo("redis");
    assertThat(stack.lbUri().getHost()).isNotBlank();
    assertThat(stack.logs("lb")).contains("GET");
    assertThat(stack.logs("web-1")).contains("it-app listening on 8080 as web-1");
  }

  /**
   * A request whose body has not all arrived is under way: the lb has read its headers, and it is in neither
   * lbResponses() nor lbBackendRequests() until the lb has finished it. Routing waits for none to be under way.
   */
  @Test
  void theLbCountsARequestUnderWayUntilItHasFinishedIt(RunningStack stack) throws Exception {
    await("nothing under way at first").atMost(Duration.ofMinutes(1)).until(stack::lbRequestsUnderWay, underWay -> underWay == 0);
    long responses = stack.lbResponses();
    try (Socket socket = new Socket(stack.lbUri().getHost(), stack.lbUri().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: lb\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhalf-")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await("the held request under way").atMost(Duration.ofMinutes(1)).until(stack::lbRequestsUnderWay, underWay -> underWay == 1);
      assertThat(stack.lbResponses()).as("not counted while under way").isEqualTo(responses);

      out.write("done!".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 200");
    }
    await("the finished request counted").atMost(Duration.ofMinutes(1)).until(stack::lbRequestsUnderWay, underWay -> underWay == 0);
    assertThat(stack.lbResponses()).isEqualTo(responses + 1);
  }

  @Test
  void parametersOfOtherTypesAreLeftToOtherResolvers(TestInfo info, RunningStack stack) {
    assertThat(info.getTestMethod()).isPresent();
    assertThat(stack.replicas()).hasSize(3);
  }

  @Nested
  class NestedClasses {

    @Test
    void shareTheEnclosingStack(RunningStack stack, RequestSpecification lb) {
      assertThat(stack.replicas()).hasSize(3);
      assertThat(Traffic.through(lb).send(6)).isRoundRobin().coversReplicas(3);
    }
  }
}
