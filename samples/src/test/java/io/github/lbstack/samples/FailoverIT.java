package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Log in, kill the replica that served the login: the others serve the next requests, still logged in. */
@QuickstartStack
class FailoverIT {

  @Test
  void aSessionOutlivesTheReplicaThatCreatedIt(RequestSpecification lb, RunningStack stack) {
    String username = Quickstart.newUsername();
    Quickstart.register(lb, username);
    Quickstart.Login login = Quickstart.login(lb, username);
    String session = login.session();
    String loginReplica = login.servedBy();
    assertThat(session).isNotNull();

    Replica victim = stack.replicas().stream().filter(replica -> replica.hostname().equals(loginReplica))
        .findFirst().orElseThrow();
    victim.kill().awaitDown();

    for (int i = 0; i < 6; i++) {
      Response page = given(lb).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false).get("/tasks");
      assertThat(page.statusCode()).as("request %d after the kill", i + 1).isEqualTo(200);
      assertThat(page.getHeader(Quickstart.HOSTNAME_HEADER)).isNotEqualTo(loginReplica);
      assertThat(Quickstart.userOn(page.body().asString())).isEqualTo(username);
    }
  }
}
