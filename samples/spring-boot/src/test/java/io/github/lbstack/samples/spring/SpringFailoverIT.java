package io.github.lbstack.samples.spring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Kill the replica that served the login: the others serve the next requests, and the user is still logged in. */
@ShopStack
class SpringFailoverIT {

  @Test
  void aSessionOutlivesTheReplicaThatCreatedIt(RequestSpecification lb, RunningStack stack) {
    Shop.Login login = Shop.login(lb, "grace");
    Replica victim = stack.replicas().stream().filter(replica -> replica.hostname().equals(login.servedBy()))
        .findFirst().orElseThrow();
    victim.kill().awaitDown();

    for (int i = 0; i < 6; i++) {
      Response me = given(lb).cookie(Shop.SESSION_COOKIE, login.session()).get("/me");
      assertThat(me.statusCode()).as("request %d after the kill", i + 1).isEqualTo(200);
      assertThat(me.getHeader(Shop.HOSTNAME_HEADER)).isNotEqualTo(login.servedBy());
      assertThat(me.asString()).isEqualTo("grace");
    }
  }
}
