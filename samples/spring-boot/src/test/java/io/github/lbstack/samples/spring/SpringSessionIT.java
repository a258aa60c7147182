package io.github.lbstack.samples.spring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** A login through one replica is valid on every replica: Spring Session keeps the session in Redis. */
@ShopStack
class SpringSessionIT {

  @Test
  void aLoginOnOneReplicaIsValidOnTheOthers(RequestSpecification lb, RunningStack stack) {
    Shop.Login login = Shop.login(lb, "ada");
    assertThat(login.session()).as("Spring Session's cookie").isNotBlank();

    for (Replica replica : stack.replicas()) {
      assertThat(given(replica.spec()).cookie(Shop.SESSION_COOKIE, login.session()).get("/me").then()
          .statusCode(200).extract().asString()).as("who %s says you are", replica.hostname()).isEqualTo("ada");
    }
    given(lb).get("/me").then().statusCode(401);
  }
}
