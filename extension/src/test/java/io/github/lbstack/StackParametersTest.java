package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

class StackParametersTest {

  @Test
  void ownsExactlyTheFourStackTypes() {
    assertThat(StackParameters.find(RunningStack.class)).isPresent();
    assertThat(StackParameters.find(RequestSpecification.class)).isPresent();
    assertThat(StackParameters.find(JedisPooled.class)).isPresent();
    assertThat(StackParameters.find(DataSource.class)).isPresent();
  }

  @Test
  void leavesOtherTypesSupertypesAndStringsToOtherResolvers() {
    assertThat(StackParameters.find(String.class)).isEmpty();
    assertThat(StackParameters.find(Object.class)).isEmpty();
    assertThat(StackParameters.find(UnifiedJedis.class)).isEmpty();
  }
}
