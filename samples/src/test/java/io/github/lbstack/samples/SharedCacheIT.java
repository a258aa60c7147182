package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** A cache value put through one replica is read through another, and straight from Redis. */
@QuickstartStack
class SharedCacheIT {

  @Test
  void aValuePutOnReplicaOneIsReadOnReplicaTwoAndInRedis(RunningStack stack, JedisPooled redis) {
    given(stack.replica(1).spec()).queryParam("value", "blue").queryParam("ttl", 300)
        .put("/cache/colour").then().statusCode(204);

    given(stack.replica(2).spec()).get("/cache/colour").then().statusCode(200)
        .header(Quickstart.HOSTNAME_HEADER, "web-2");
    assertThat(given(stack.replica(2).spec()).get("/cache/colour").body().asString()).isEqualTo("blue");
    assertThat(redis.get("cache:colour")).isEqualTo("blue");
    assertThat(redis.ttl("cache:colour")).isBetween(1L, 300L);
  }
}
