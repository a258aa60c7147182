package io.github.lbstack;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/**
 * The parameter types a stack can inject, matched by exact type so that parameters of other types (or of
 * subtypes and supertypes) stay with other resolvers.
 */
final class StackParameters {

  /** Supplies one parameter type from a running stack, or says why this stack cannot. */
  record Resolver(Class<?> type, Function<RunningStackImpl, Object> resolve, Function<RunningStackImpl, String> missing) {}

  private static final List<Resolver> RESOLVERS = List.of(
      new Resolver(RunningStack.class, stack -> stack, stack -> null),
      new Resolver(RequestSpecification.class, RunningStack::lb, stack -> null),
      new Resolver(JedisPooled.class, RunningStack::redis,
          stack -> stack.live().hasRedis() ? null : "the stack leaves out Redis (redis = false). Remove the "
              + "parameter, or set redis = true."),
      new Resolver(DataSource.class, RunningStack::dataSource,
          stack -> stack.live().hasDatabase() ? null : "the stack has no database (database = NONE). Remove the "
              + "parameter, or set database = Database.MYSQL or Database.POSTGRES."));

  private StackParameters() {}

  static Optional<Resolver> find(Class<?> parameterType) {
    return RESOLVERS.stream().filter(resolver -> resolver.type().equals(parameterType)).findFirst();
  }
}
