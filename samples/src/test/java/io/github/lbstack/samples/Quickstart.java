package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a user of the quickstart app does, over HTTP. Sample tests share it; it asserts what every flow needs. */
final class Quickstart {

  static final String SESSION_COOKIE = "QUICKSTART_SESSION";
  static final String HOSTNAME_HEADER = "X-App-Hostname";
  static final String PASSWORD = "correct horse battery";
  private static final Pattern USER = Pattern.compile("<span id=\"user\">([^<]*)</span>");

  private Quickstart() {}

  static String newUsername() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers (which also logs in) and returns the session cookie. */
  static String register(RequestSpecification spec, String username) {
    Response response = given(spec).redirects().follow(false)
        .formParam("username", username).formParam("password", PASSWORD)
        .post("/register");
    return sessionFrom(response, "register " + username);
  }

  /** A login: its session cookie, and the replica that served it. */
  record Login(String session, String servedBy) {}

  static Login login(RequestSpecification spec, String username) {
    Response response = given(spec).redirects().follow(false)
        .formParam("username", username).formParam("password", PASSWORD)
        .post("/login");
    return new Login(sessionFrom(response, "log in " + username), response.getHeader(HOSTNAME_HEADER));
  }

  static void addTask(RequestSpecification spec, String session, String name) {
    Response response = given(spec).redirects().follow(false).cookie(SESSION_COOKIE, session)
        .formParam("name", name).post("/tasks");
    if (response.statusCode() != 303) {
      throw new AssertionError("adding task " + name + " answered " + response.statusCode() + ": "
          + response.body().asString());
    }
  }

  /** The logged-in user's name on a page, or null when the page is for nobody. */
  static String userOn(String html) {
    Matcher matcher = USER.matcher(html);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String sessionFrom(Response response, String what) {
    String session = response.getCookie(SESSION_COOKIE);
    if (response.statusCode() != 303 || session == null) {
      throw new AssertionError(what + " answered " + response.statusCode() + " without a session: "
          + response.body().asString());
    }
    return session;
  }
}
