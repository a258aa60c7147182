package io.github.lbstack.it.reuse;

import static io.restassured.RestAssured.given;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import org.junit.jupiter.api.Test;

/**
 * A shared stack as a developer's suite has one; {@link ReuseRun} runs it in a child JVM. It reports its stack and
 * what the cache held when it began, then leaves a value behind for a later run to (not) find.
 */
@LoadBalancedStack(shared = true, replicas = 2, spares = 1, web = @Web(jar = "${it.app.jar}"))
class ReuseFixture {

  static final String KEY = "left-by-an-earlier-run";

  @Test
  void report(RunningStack stack) {
    String before = stack.redis().get(KEY);
    stack.redis().set(KEY, "yes");
    given().baseUri(stack.lbUri().toString()).get("/").then().statusCode(200);
    System.out.println("STACK " + stack.id() + " cache-before=" + before);
    System.out.flush();
  }
}
