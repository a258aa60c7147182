package io.github.lbstack.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import io.restassured.specification.RequestSpecification;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

class CompositeStackParameterResolverTest {

  private final CompositeStackParameterResolver resolvers = new CompositeStackParameterResolver();

  @Test
  void ownsExactlyTheFourStackTypes() {
    assertThat(resolvers.find(RunningStack.class)).isPresent();
    assertThat(resolvers.find(RequestSpecification.class)).isPresent();
    assertThat(resolvers.find(JedisPooled.class)).isPresent();
    assertThat(resolvers.find(DataSource.class)).isPresent();
  }

  @Test
  void leavesOtherTypesSupertypesAndStringsToOtherResolvers() {
    assertThat(resolvers.find(String.class)).isEmpty();
    assertThat(resolvers.find(Object.class)).isEmpty();
    assertThat(resolvers.find(UnifiedJedis.class)).isEmpty();
  }
}
