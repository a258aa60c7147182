package io.github.lbstack.samples.spring;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a client of the shop does over HTTP. */
final class Shop {

  static final String SESSION_COOKIE = "SESSION";
  static final String HOSTNAME_HEADER = "X-App-Hostname";

  private Shop() {}

  record Login(String session, String servedBy) {}

  static Login login(RequestSpecification spec, String username) {
    Response response = given(spec).formParam("username", username).post("/login");
    response.then().statusCode(200);
    return new Login(response.getCookie(SESSION_COOKIE), response.getHeader(HOSTNAME_HEADER));
  }
}
