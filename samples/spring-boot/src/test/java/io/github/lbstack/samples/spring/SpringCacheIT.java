package io.github.lbstack.samples.spring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** A value one replica computed and cached (Spring Cache in Redis) is what every replica serves. */
@ShopStack
class SpringCacheIT {

  @Test
  void aPriceComputedOnceServesEveryReplica(RunningStack stack, JedisPooled redis) {
    String product = "lamp-" + UUID.randomUUID().toString().substring(0, 8);
    String first = given(stack.replica(1).spec()).get("/prices/" + product).then().statusCode(200).extract()
        .asString();
    assertThat(first).endsWith("computed by web-1");

    assertThat(given(stack.replica(2).spec()).get("/prices/" + product).asString()).isEqualTo(first);
    assertThat(given(stack.replica(3).spec()).get("/prices/" + product).asString()).isEqualTo(first);
    assertThat(redis.keys("prices::" + product)).as("the cache entry, in Redis").hasSize(1);
  }
}
