package io.github.lbstack;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Misuse of the annotation, run through the real engine. Every case fails before Docker is touched, so these need no
 * Docker; the class's tests never run and no container is created.
 */
class LoadBalancedStackExtensionTests {

  /** @param configuration {@code key, value} pairs for the run */
  private static Events run(Class<?> fixture, String... configuration) {
    EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter");
    for (int i = 0; i < configuration.length; i += 2) {
      engine.configurationParameter(configuration[i], configuration[i + 1]);
    }
    return engine.selectors(selectClass(fixture)).execute().containerEvents();
  }

  private static void assertClassFailsWith(Class<?> fixture, String expectedMessage, String... configuration) {
    run(fixture, configuration).assertThatEvents().haveExactly(1, event(container(fixture),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message(actual -> actual.equals(expectedMessage)))));
  }

  @Nested
  @DisplayName("reports failure")
  class ReportsFailure {

    @Test
    void forTooFewReplicas() {
      assertClassFailsWith(NoReplicasTestCase.class, "@LoadBalancedStack on [" + NoReplicasTestCase.class.getName()
          + "]: replicas = 0 is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
    }

    @Test
    void forTooManyReplicas() {
      assertClassFailsWith(TooManyReplicasTestCase.class, "@LoadBalancedStack on ["
          + TooManyReplicasTestCase.class.getName()
          + "]: replicas = 17 is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
    }

    @Test
    void forAnUnknownBackend() {
      assertClassFailsWith(ValidDefinitionTestCase.class, "@LoadBalancedStack on ["
          + ValidDefinitionTestCase.class.getName() + "]: lbstack.backend = 'swarn' is not a backend: use docker (the "
          + "default: one engine, found like Testcontainers finds it) or swarm (DOCKER_HOST points at a swarm "
          + "manager).", "lbstack.backend", "swarn");
    }

    @Test
    void forASwarmNodePortThatIsNoPort() {
      assertClassFailsWith(ValidDefinitionTestCase.class, "@LoadBalancedStack on ["
          + ValidDefinitionTestCase.class.getName() + "]: lbstack.swarm.node-port = 'docker' is not a TCP port: give "
          + "the port where each swarm node's engine answers, such as 2375.", "lbstack.backend", "swarm",
          "lbstack.swarm.node-port", "docker");
    }

    @Test
    void forMoreSparesThanSlotsLeft() {
      assertClassFailsWith(TooManySparesTestCase.class, "@LoadBalancedStack on ["
          + TooManySparesTestCase.class.getName() + "]: spares = 5 is out of range with replicas = 12: use 0 to 4, "
          + "so that replicas + spares stay within 16 (LoadBalancedStack.MAX_REPLICAS).");
    }

    @Test
    void forNoWebTier() {
      assertClassFailsWith(NoWebTierTestCase.class, "@LoadBalancedStack on [" + NoWebTierTestCase.class.getName()
          + "]: no web tier given: set exactly one of @Web(image = \"app:tag\"), @Web(dockerfile = "
          + "\"path/to/Dockerfile\") or @Web(jar = \"target/app.jar\").");
    }

    @Test
    void forTwoWebForms() {
      assertClassFailsWith(TwoWebFormsTestCase.class, "@LoadBalancedStack on [" + TwoWebFormsTestCase.class.getName()
          + "]: @Web gives image and dockerfile at once: keep exactly one of image, dockerfile or jar.");
    }

    @Test
    void forAMissingJar() {
      assertClassFailsWith(MissingJarTestCase.class, "@LoadBalancedStack on [" + MissingJarTestCase.class.getName()
          + "]: @Web(jar = \"target/no-such-app.jar\") does not exist (looked for "
          + java.nio.file.Path.of("target/no-such-app.jar").toAbsolutePath()
          + "): build the jar first (mvn package) or fix the path.");
    }

    @Test
    void forAMissingDockerfile() {
      assertClassFailsWith(MissingDockerfileTestCase.class, "@LoadBalancedStack on ["
          + MissingDockerfileTestCase.class.getName() + "]: @Web(dockerfile = \"no/Dockerfile\") does not exist "
          + "(looked for " + java.nio.file.Path.of("no/Dockerfile").toAbsolutePath()
          + "): fix the path; it is resolved against the working directory.");
    }

    @Test
    void forAnUnknownPlaceholder() {
      assertClassFailsWith(UnknownPlaceholderTestCase.class, "@LoadBalancedStack on ["
          + UnknownPlaceholderTestCase.class.getName() + "]: @Web(env) DB_URL uses unknown placeholder ${mysql.url}: "
          + "use one of [${db.database}, ${db.host}, ${db.jdbcUrl}, ${db.kind}, ${db.password}, ${db.port}, "
          + "${db.user}, ${image.haproxy}, ${image.jre}, ${image.mysql}, ${image.postgres}, ${image.redis}, "
          + "${mysql.database}, ${mysql.host}, ${mysql.jdbcUrl}, ${mysql.password}, ${mysql.port}, ${mysql.user}, "
          + "${redis.host}, ${redis.port}, ${redis.uri}, ${replica.hostname}, ${replica.index}, ${web.port}], or "
          + "write $$ for a literal $.");
    }

    @Test
    void forASecondStackOnANestedClass() {
      assertClassFailsWith(NestedStackTestCase.class, "@LoadBalancedStack on nested class ["
          + NestedStackTestCase.Inner.class.getName() + "]: its enclosing class already brings up a stack, which "
          + "nested classes share. Remove the annotation from the nested class, or make it a top-level class to give "
          + "it a stack of its own.");
    }

    @Test
    void forAWebSourceFromAConfigurationParameterThatIsNotSet() {
      assertClassFailsWith(UnsetJarPropertyTestCase.class, "@LoadBalancedStack on ["
          + UnsetJarPropertyTestCase.class.getName() + "]: @Web(jar = \"${no.such.app.jar}\") reads configuration "
          + "parameter no.such.app.jar, which is not set: pass -Dno.such.app.jar=... to the test JVM "
          + "(Surefire/Failsafe systemPropertyVariables), or set it in junit-platform.properties.");
    }

    @Test
    void forAPlaceholderOfALeftOutService() {
      assertClassFailsWith(LeftOutRedisTestCase.class, "@LoadBalancedStack on [" + LeftOutRedisTestCase.class.getName()
          + "]: @Web(env) CACHE uses ${redis.uri}, but the stack leaves out Redis (redis = false): use one of "
          + "[${db.database}, ${db.host}, ${db.jdbcUrl}, ${db.kind}, ${db.password}, ${db.port}, ${db.user}, "
          + "${image.haproxy}, ${image.jre}, ${image.mysql}, ${image.postgres}, ${image.redis}, ${mysql.database}, "
          + "${mysql.host}, ${mysql.jdbcUrl}, ${mysql.password}, ${mysql.port}, ${mysql.user}, ${replica.hostname}, "
          + "${replica.index}, ${web.port}], or write $$ for a literal $.");
    }

    @Test
    void forAMysqlPlaceholderOnAPostgresStack() {
      assertClassFailsWith(MysqlPlaceholderOnPostgresTestCase.class, "@LoadBalancedStack on ["
          + MysqlPlaceholderOnPostgresTestCase.class.getName() + "]: @Web(env) DB_URL uses ${mysql.jdbcUrl}, but the "
          + "stack's database is PostgreSQL (database = POSTGRES): use the ${db.*} placeholders (or ${postgres.*}): "
          + "use one of [${db.database}, ${db.host}, ${db.jdbcUrl}, ${db.kind}, ${db.password}, ${db.port}, "
          + "${db.user}, ${image.haproxy}, ${image.jre}, ${image.mysql}, ${image.postgres}, ${image.redis}, "
          + "${postgres.database}, ${postgres.host}, ${postgres.jdbcUrl}, ${postgres.password}, ${postgres.port}, "
          + "${postgres.user}, ${redis.host}, ${redis.port}, ${redis.uri}, ${replica.hostname}, ${replica.index}, "
          + "${web.port}], or write $$ for a literal $.");
    }

    @Test
    void forTheRetiredMysqlFalseBesidePostgres() {
      assertClassFailsWith(MysqlFalseBesidePostgresTestCase.class, "@LoadBalancedStack on ["
          + MysqlFalseBesidePostgresTestCase.class.getName() + "]: mysql = false (no database) contradicts database = "
          + "POSTGRES: remove mysql, which is deprecated; use database = Database.NONE for a stack without a "
          + "database.");
    }

    @Test
    void forABadDefinitionInCode() {
      assertClassFailsWith(RegisteredBadDefinitionTestCase.class, "StackExtension of ["
          + RegisteredBadDefinitionTestCase.class.getName() + "]: replicas = 17 is out of range: use 1 to 16 "
          + "(LoadBalancedStack.MAX_REPLICAS).");
    }

    @Test
    void forAStackDeclaredBothWaysInOneClass() {
      assertClassFailsWith(BothFrontEndsTestCase.class, "[" + BothFrontEndsTestCase.class.getName()
          + "] declares a stack twice, with @LoadBalancedStack and with a registered StackExtension: keep one. The "
          + "annotation's attributes all exist on StackDefinition.builder().");
    }

    @Test
    void forTheExtensionWithoutTheAnnotation() {
      assertClassFailsWith(BareExtensionTestCase.class, "[" + BareExtensionTestCase.class.getName()
          + "] registers LoadBalancedStackExtension without @LoadBalancedStack: annotate the class with "
          + "@LoadBalancedStack(web = @Web(...)) instead.");
    }
  }

  @LoadBalancedStack(web = @Web(image = "app:1"))
  static class ValidDefinitionTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(replicas = 12, spares = 5, web = @Web(image = "app:1"))
  static class TooManySparesTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(replicas = 0, web = @Web(image = "app:1"))
  static class NoReplicasTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(replicas = 17, web = @Web(image = "app:1"))
  static class TooManyReplicasTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web)
  static class NoWebTierTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web(image = "app:1", dockerfile = "Dockerfile"))
  static class TwoWebFormsTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web(jar = "target/no-such-app.jar"))
  static class MissingJarTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web(dockerfile = "no/Dockerfile"))
  static class MissingDockerfileTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web(image = "app:1", env = "DB_URL=${mysql.url}"))
  static class UnknownPlaceholderTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(web = @Web(image = "app:1"))
  static class NestedStackTestCase {
    @Test
    void test() {}

    @Nested
    @LoadBalancedStack(web = @Web(image = "app:2"))
    class Inner {
      @Test
      void test() {}
    }
  }

  @LoadBalancedStack(web = @Web(jar = "${no.such.app.jar}"))
  static class UnsetJarPropertyTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(redis = false, web = @Web(image = "app:1", env = "CACHE=${redis.uri}"))
  static class LeftOutRedisTestCase {
    @Test
    void test() {}
  }

  @LoadBalancedStack(database = Database.POSTGRES,
      web = @Web(image = "app:1", env = "DB_URL=${mysql.jdbcUrl}"))
  static class MysqlPlaceholderOnPostgresTestCase {
    @Test
    void test() {}
  }

  @SuppressWarnings("deprecation")
  @LoadBalancedStack(database = Database.POSTGRES, mysql = false, web = @Web(image = "app:1"))
  static class MysqlFalseBesidePostgresTestCase {
    @Test
    void test() {}
  }

  static class RegisteredBadDefinitionTestCase {
    @org.junit.jupiter.api.extension.RegisterExtension
    static StackExtension stack = StackDefinition.builder().replicas(17).image("app:1").build().extension();

    @Test
    void test() {}
  }

  @LoadBalancedStack(shared = true, web = @Web(image = "app:1"))
  static class BothFrontEndsTestCase {
    @org.junit.jupiter.api.extension.RegisterExtension
    static StackExtension stack = StackDefinition.builder().image("app:2").build().extension();

    @Test
    void test() {}
  }

  @ExtendWith(LoadBalancedStackExtension.class)
  static class BareExtensionTestCase {
    @Test
    void test() {}
  }
}
