package io.github.lbstack.assertions;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.traffic.Routed;
import org.junit.jupiter.api.Test;

class RoutedAssertTest {

  private static final Routed API = new Routed("GET /api/", 200, "app", "web-2", null);
  private static final Routed STATIC = new Routed("GET /static/logo.png", 200, "static", null, null);
  private static final Routed REDIRECT = new Routed("GET /shop", 301, null, null, "/api/");

  @Test
  void passesWhereTheRequestWent() {
    assertThat(API).wentTo("app").wasServedByAReplica().hasStatus(200);
    assertThat(STATIC).wentTo("static").wasServedByNoReplica();
    assertThat(REDIRECT).wasAnsweredByTheLb().redirectsTo("/api/").redirectsTo("/ap*").hasStatus(301);
  }

  @Test
  void failsNamingTheRequestAndWhereItReallyWent() {
    assertThatThrownBy(() -> assertThat(STATIC).wentTo("app")).isInstanceOf(AssertionError.class)
        .hasMessage("Expected GET /static/logo.png to go to backend <app>, but: GET /static/logo.png -> 200, "
            + "backend static");
    assertThatThrownBy(() -> assertThat(REDIRECT).wentTo("app"))
        .hasMessage("Expected GET /shop to go to backend <app>, but: GET /shop -> 301, answered by the lb's frontend, "
            + "Location /api/");
    assertThatThrownBy(() -> assertThat(API).wasAnsweredByTheLb())
        .hasMessage("Expected GET /api/ to be answered by the lb's frontend, but: GET /api/ -> 200, backend app, "
            + "served by web-2");
    assertThatThrownBy(() -> assertThat(STATIC).wasServedByAReplica())
        .hasMessageStartingWith("Expected GET /static/logo.png to be served by a replica, but:");
    assertThatThrownBy(() -> assertThat(API).wasServedByNoReplica())
        .hasMessageStartingWith("Expected GET /api/ to be served by no replica, but:");
    assertThatThrownBy(() -> assertThat(API).hasStatus(404))
        .hasMessageStartingWith("Expected GET /api/ to answer 404, but: GET /api/ -> 200");
    assertThatThrownBy(() -> assertThat(REDIRECT).redirectsTo("/shop/"))
        .hasMessageStartingWith("Expected GET /shop to redirect to </shop/>, but:");
    assertThatThrownBy(() -> assertThat(API).redirectsTo("/api/*"))
        .hasMessageStartingWith("Expected GET /api/ to redirect to </api/*>, but:");
  }
}
