package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A login made through the lb, on whichever replica, is valid on every replica: sessions live in Redis. */
@QuickstartStack
class SessionAcrossReplicasIT {

  @Test
  void oneLoginIsValidOnEveryReplica(RequestSpecification lb, RunningStack stack) {
    String username = Quickstart.newUsername();
    Quickstart.register(lb, username);
    String session = Quickstart.login(lb, username).session();

    Set<String> servedBy = new HashSet<>();
    int requests = 3 * stack.replicas().size();
    for (int i = 0; i < requests; i++) {
      Response page = given(lb).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false).get("/tasks");
      assertThat(page.statusCode()).as("request %d", i + 1).isEqualTo(200);
      assertThat(Quickstart.userOn(page.body().asString())).as("user on page %d", i + 1).isEqualTo(username);
      servedBy.add(page.getHeader(Quickstart.HOSTNAME_HEADER));
    }
    assertThat(servedBy).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
  }

  @Test
  void aLogoutOnOneReplicaEndsTheSessionOnAll(RunningStack stack, redis.clients.jedis.JedisPooled redis) {
    String session = Quickstart.register(stack.replica(1).spec(), Quickstart.newUsername());
    assertThat(redis.ttl("session:" + session)).as("session TTL in Redis").isBetween(1L, 1800L);

    given(stack.replica(2).spec()).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false)
        .post("/logout").then().statusCode(303);

    assertThat(redis.exists("session:" + session)).isFalse();
    for (var replica : stack.replicas()) {
      Response page = given(replica.spec()).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false)
          .get("/tasks");
      assertThat(page.statusCode()).as("after logout, on %s", replica.hostname()).isEqualTo(303);
    }
  }

  @Test
  void noSessionMeansTheLoginPageOnEveryReplica(RunningStack stack) {
    for (var replica : stack.replicas()) {
      Response page = given(replica.spec()).redirects().follow(false).get("/tasks");
      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(page.getHeader("Location")).endsWith("/login");
    }
  }
}
