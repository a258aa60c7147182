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
import io.github.lbstack.LbType;
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
 * A team's own {@code nginx.conf} (src/test/nginx/shop.conf: TLS, routing by path, a second upstream, header rules,
 * redirects) run through lbstack, as {@link OwnHaproxyConfigIT} runs a {@code haproxy.cfg}: each rule of the file
 * holds, and scaling and the kill drill work on it. The clients go through its TLS listen (8443) and trust only the
 * run's CA; the plain listen (8000) redirects to it.
 */
@LoadBalancedStack(web = @Web(jar = "target/it-app.jar"),
    lb = @Lb(type = LbType.NGINX, config = "src/test/nginx/shop.conf", backend = "app"),
    // The file's "assets" upstream has this service as its server: a tiny HTTP server (HAProxy answering by itself).
    services = @Service(name = "assets", image = "${lbstack.image.haproxy}", port = 8080,
        command = {"sh", "-c", AssetsServer.SCRIPT}))
// The kill drill leaves a replica dead: it goes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnNginxConfigIT implements ScalingAndKillUnderTraffic {

  @Override
  public String appPath() {
    return "/api/";
  }

  @Test
  @Order(1)
  void apiPathsReachTheAppsReplicasWithThePrefixStripped(RunningStack stack) {
    assertThat(stack.lbUri()).hasScheme("https");
    // The app answers its hostname on "/": it got "/" because the file's proxy_pass strips /api/.
    Distribution served = Traffic.through(stack).path("/api/").send(30);
    assertThat(served).hasNoFailures().coversExactly("web-1", "web-2", "web-3");
    given().spec(stack.lb()).get("/api/").then().statusCode(200)
        .header("X-Served-By", matchesPattern("web-[123]"))
        .header("X-Shop-Backend", "app")
        .body(matchesPattern("web-[123]"));
  }

  @Test
  @Order(2)
  void theRedirectsAndTheHeaderRulesOfTheFileHold(RunningStack stack) {
    given().spec(stack.lb(8000)).redirects().follow(false).get("/api/").then().statusCode(301)
        .header("Location", startsWith("https://"));
    given().spec(stack.lb()).redirects().follow(false).get("/shop").then().statusCode(301)
        .header("Location", matchesPattern("(https://[^/]+)?/api/")).header("X-Served-By", nullValue());
    given().spec(stack.lb()).get("/api/header/X-Forwarded-Proto").then().statusCode(200).body(equalTo("https"));
    given().spec(stack.lb()).get("/api/header/X-Shop-Frontend").then().statusCode(200).body(equalTo("www"));
    given().spec(stack.lb()).get("/assets/logo.png").then().statusCode(200).header("X-Shop-Backend", "assets")
        .header("X-Served-By", nullValue()).body(equalTo("asset"));
  }

  @Test
  @Order(3)
  void eachRoutingRuleSendsRequestsWhereTheFileSays(RunningStack stack) {
    Routing routing = Routing.through(stack);
    assertThat(routing.get("/api/")).wentTo("app").wasServedByAReplica().hasStatus(200);
    assertThat(routing.get("/")).wentTo("app").wasServedByAReplica();
    assertThat(routing.get("/assets/logo.png")).wentTo("assets").wasServedByNoReplica().hasStatus(200);
    assertThat(routing.get("/shop")).wasAnsweredByTheLb();
    assertThat(routing.port(8000).get("/api/")).wasAnsweredByTheLb().redirectsTo("https://*");
    // The assertion fails when the rule does not hold.
    assertThatThrownBy(() -> assertThat(routing.get("/assets/logo.png")).wentTo("app"))
        .hasMessageStartingWith("Expected GET /assets/logo.png to go to backend <app>, but:");
  }
}
