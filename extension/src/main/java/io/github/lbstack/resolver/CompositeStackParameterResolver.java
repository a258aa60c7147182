package io.github.lbstack.resolver;

import io.github.lbstack.RunningStack;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/**
 * The parameter types a stack can inject, matched by exact type so that parameters of other types (or of
 * subtypes and supertypes) stay with other resolvers.
 */
public final class CompositeStackParameterResolver {

  private final List<StackParameterResolver> resolvers = List.of(
      resolver(RunningStack.class, stack -> stack),
      resolver(RequestSpecification.class, RunningStack::lb),
      resolver(JedisPooled.class, RunningStack::redis),
      resolver(DataSource.class, RunningStack::dataSource));

  public Optional<StackParameterResolver> find(Class<?> parameterType) {
    return resolvers.stream().filter(resolver -> resolver.type().equals(parameterType)).findFirst();
  }

  /** Simple names of the supported types, for messages. */
  public List<String> supportedTypes() {
    return resolvers.stream().map(resolver -> resolver.type().getName()).toList();
  }

  private static StackParameterResolver resolver(Class<?> type, java.util.function.Function<RunningStack, Object> f) {
    return new StackParameterResolver() {
      @Override
      public Class<?> type() {
        return type;
      }

      @Override
      public Object resolve(RunningStack stack) {
        return f.apply(stack);
      }
    };
  }
}
