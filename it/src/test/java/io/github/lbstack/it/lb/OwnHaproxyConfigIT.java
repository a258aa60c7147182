package io.github.lbstack.it.lb;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.github.lbstack.Lb;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Service;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Routing;
import io.github.lbstack.traffic.Traffic;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A team's own {@code haproxy.cfg} (src/test/haproxy/shop.cfg: TLS, path ACLs, a second backend, header rules,
 * redirects, its own health check and retry policy) run through lbstack: each rule of the file holds, and scaling
 * and the kill drill work on it as on a generated config. The clients go through its TLS bind (8443) and trust only
 * the run's CA; the plain bind (8000) redirects to it.
 */
@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"),
    lb = @Lb(config = "src/test/haproxy/shop.cfg", backend = "app"),
    // The file's "assets" backend has this service as its server: a tiny HTTP server (HAProxy answering by itself).
    services = @Service(name = "assets", image = "${lbstack.image.haproxy}", port = 8080,
        command = {"sh", "-c", AssetsServer.SCRIPT}))
// The kill drill leaves a replica dead: it goes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnHaproxyConfigIT implements ScalingAndKillUnderTraffic {

  @Override
  public String appPath() {
    return "/api/";
  }

  @Test
  @Order(1)
  void apiPathsReachTheAppsReplicasWithThePrefixStripped(RunningStack stack) {
    // The app answers its hostname on "/": it got "/" because the file strips /api/.
    Distribution served = Traffic.through(stack).path("/api/").send(30);
    assertThat(served).hasNoFailures().isRoundRobin().coversExactly("web-1", "web-2", "web-3");
    given().spec(stack.lb()).get("/api/").then().statusCode(200)
        .header("X-Served-By", matchesPattern("web-[123]"))
        .header("X-Shop-Backend", "app")
        .body(matchesPattern("web-[123]"));
  }

  @Test
  @Order(2)
  void staticPathsAreServedByTheOtherBackendAndNoReplica(RunningStack stack) {
    // Traffic by host: the file sends static.shop.test to the static backend, where no replica answers.
    Distribution byHost = Traffic.through(stack).path("/api/").header("Host", "static.shop.test").send(5);
    assertThat(byHost.failures()).hasSize(5).allSatisfy(failed -> assertThat(failed.error())
        .isEqualTo("no X-Served-By header"));
    given().spec(stack.lb()).get("/static/logo.png").then().statusCode(200)
        .header("X-Shop-Backend", "static")
        .header("X-Served-By", nullValue())
        .body(equalTo("static from the lb"));
  }

  @Test
  @Order(3)
  void theRedirectsAndTheHeaderRulesOfTheFileHold(RunningStack stack) {
    assertThat(stack.lbUri()).hasScheme("https");
    given().spec(stack.lb(8000)).redirects().follow(false).get("/api/").then().statusCode(301)
        .header("Location", startsWith("https://"));
    given().spec(stack.lb()).redirects().follow(false).get("/shop").then().statusCode(301)
        .header("Location", "/api/").body(emptyOrNullString());
    given().spec(stack.lb()).get("/api/header/X-Forwarded-Proto").then().statusCode(200).body(equalTo("https"));
    given().spec(stack.lb()).get("/api/header/X-Shop-Frontend").then().statusCode(200).body(equalTo("www"));
  }

  @Test
  @Order(4)
  void eachRoutingRuleSendsRequestsWhereTheFileSays(RunningStack stack) {
    Routing routing = Routing.through(stack);
    assertThat(routing.get("/api/")).wentTo("app").wasServedByAReplica().hasStatus(200);
    assertThat(routing.get("/")).wentTo("app").wasServedByAReplica();
    assertThat(routing.get("/static/logo.png")).wentTo("static").wasServedByNoReplica().hasStatus(200);
    assertThat(routing.get("/assets/logo.png")).wentTo("assets").wasServedByNoReplica().hasStatus(200);
    given().spec(stack.lb()).get("/assets/logo.png").then().statusCode(200).body(equalTo("asset"));
    assertThat(routing.header("Host", "static.shop.test").get("/api/")).wentTo("static").wasServedByNoReplica();
    assertThat(routing.get("/shop")).wasAnsweredByTheLb().redirectsTo("/api/");
    assertThat(routing.port(8000).get("/api/")).wasAnsweredByTheLb().redirectsTo("https://*");
    // The assertion fails when the rule does not hold.
    assertThatThrownBy(() -> assertThat(routing.get("/static/logo.png")).wentTo("app"))
        .hasMessageStartingWith("Expected GET /static/logo.png to go to backend <app>, but:");
  }
}
