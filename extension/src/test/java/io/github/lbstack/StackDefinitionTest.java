package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.spec.Configuration;
import io.github.lbstack.internal.spec.StackDeclaration;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The annotation and the builder make one model: equal definitions, one shared stack, every attribute in the key. */
class StackDefinitionTest {

  private static final Configuration NONE = new Configuration(key -> Optional.empty());

  @LoadBalancedStack(replicas = 2, spares = 1, balance = Balance.LEAST_CONN, stickyCookie = true, redis = false,
      shared = true, disabledWithoutDocker = true,
      web = @Web(image = "shop:1.4", port = 9000, healthPath = "/ready", env = "A=1", defaultEnv = false))
  static class Annotated {}

  @LoadBalancedStack(web = @Web(image = "shop:1.4"))
  static class Defaults {}

  private static StackDefinition.Builder sameAsAnnotated() {
    return StackDefinition.builder().replicas(2).spares(1).balance(Balance.LEAST_CONN).stickyCookie(true)
        .redis(false).disabledWithoutDocker(true).image("shop:1.4").port(9000).healthPath("/ready").env("A=1")
        .defaultEnv(false);
  }

  @Test
  void theSameStackByAnnotationAndByBuilderIsOneDefinitionAndOneSharedStack() {
    StackDefinition annotated = StackDefinition.of(Annotated.class.getAnnotation(LoadBalancedStack.class));
    StackDefinition built = sameAsAnnotated().build();

    assertThat(annotated).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(annotated.toString()).isEqualTo(built.toString()).startsWith("StackDefinition[replicas=2, spares=1");
    // Shared stacks are keyed by the spec: equal definitions land on one stack.
    assertThat(annotated.spec(NONE, "annotated")).isEqualTo(built.spec(NONE, "built"));
    assertThat(StackDefinition.of(Defaults.class.getAnnotation(LoadBalancedStack.class)))
        .as("the annotation's defaults are the builder's").isEqualTo(StackDefinition.builder().image("shop:1.4").build());
  }

  @Test
  @SuppressWarnings("deprecation")
  void theRetiredMysqlFalseMeansNoDatabaseAndContradictsPostgres() {
    assertThat(StackDefinition.builder().image("a:1").mysql(false).build())
        .isEqualTo(StackDefinition.builder().image("a:1").database(Database.NONE).build());
    assertThatThrownBy(() -> StackDefinition.builder().image("a:1").database(Database.POSTGRES).mysql(false).build()
        .spec(NONE, "StackDefinition"))
        .isInstanceOf(StackConfigurationException.class)
        .hasMessage("StackDefinition: mysql = false (no database) contradicts database = POSTGRES: remove mysql, which "
            + "is deprecated; use database = Database.NONE for a stack without a database.");
    assertThatNullPointerException().isThrownBy(() -> StackDefinition.builder().database(null))
        .withMessage("database: use Database.MYSQL, Database.POSTGRES or Database.NONE");
  }

  @Test
  void aBalancerIsChosenByTypeAndNullIsRefusedWithTheChoices() {
    assertThat(StackDefinition.builder().image("a:1").lbType(LbType.NGINX).build())
        .isNotEqualTo(StackDefinition.builder().image("a:1").build());
    assertThatThrownBy(() -> StackDefinition.builder().image("a:1").lbType(LbType.NGINX).stickyCookie(true).build()
        .spec(NONE, "StackDefinition"))
        .isInstanceOf(StackConfigurationException.class)
        .hasMessageStartingWith("StackDefinition: @Lb(type = NGINX) cannot go with stickyCookie = true");
    assertThatNullPointerException().isThrownBy(() -> StackDefinition.builder().lbType(null))
        .withMessage("type: use LbType.HAPROXY or LbType.NGINX");
  }

  static Stream<String> attributes() {
    return Arrays.stream(StackDeclaration.class.getRecordComponents()).map(RecordComponent::getName);
  }

  /**
   * Each attribute of the model, set through the public builder to a value other than its default, gives another
   * definition. A new attribute joins this test by being a component of the model.
   */
  @ParameterizedTest
  @MethodSource("attributes")
  void everyAttributeChangesTheDefinition(String attribute) throws Exception {
    StackDefinition base = StackDefinition.builder().image("shop:1.4").build();
    StackDefinition.Builder changed = StackDefinition.builder().image("shop:1.4");
    if (attribute.equals("buildArgs")) {
      base = StackDefinition.builder().dockerfile("Dockerfile").build();
      changed = StackDefinition.builder().dockerfile("Dockerfile", "VERSION=2");
    } else if (attribute.equals("dockerfile")) {
      changed = StackDefinition.builder().dockerfile("other");
    } else if (attribute.equals("jar")) {
      changed = StackDefinition.builder().jar("other");
    } else if (attribute.equals("services")) {
      changed.services(ServiceDefinition.of("broker", "rabbitmq:4", 5672));
    } else if (attribute.equals("lbConfig")) {
      changed.lb("haproxy.cfg", "");
    } else if (attribute.equals("lbBackend")) {
      changed.lb("", "app");
    } else if (attribute.equals("lbKind")) {
      changed.lbType(LbType.NGINX);
    } else if (attribute.equals("version")) {
      changed.webVersion("2.0");
    } else {
      RecordComponent component = Arrays.stream(StackDeclaration.class.getRecordComponents())
          .filter(c -> c.getName().equals(attribute)).findFirst().orElseThrow();
      Object current = component.getAccessor().invoke(base.declaration());
      Method setter = Arrays.stream(StackDefinition.Builder.class.getMethods())
          .filter(m -> m.getName().equals(attribute) && m.getParameterCount() == 1).findFirst()
          .orElseThrow(() -> new AssertionError("StackDefinition.Builder has no setter " + attribute + "(...)"));
      setter.invoke(changed, other(setter.getParameterTypes()[0], current));
    }

    assertThat(changed.build()).isNotEqualTo(base);
    Object before = accessor(attribute).invoke(base.declaration());
    assertThat(accessor(attribute).invoke(changed.build().declaration())).as(attribute).isNotEqualTo(before);
  }

  private static Method accessor(String attribute) {
    return Arrays.stream(StackDeclaration.class.getRecordComponents()).filter(c -> c.getName().equals(attribute))
        .findFirst().orElseThrow().getAccessor();
  }

  /** A value of the setter's type that differs from the model's current one. */
  private static Object other(Class<?> type, Object current) {
    if (type == int.class) {
      return ((Integer) current) + 1;
    }
    if (type == boolean.class) {
      return !((Boolean) current);
    }
    if (type == String.class) {
      return current + "/other";
    }
    if (type == String[].class) {
      return new String[] {"OTHER=1"};
    }
    if (type == Balance.class) {
      return Balance.SOURCE;
    }
    if (type == Database.class) {
      return Database.POSTGRES;
    }
    if (type == Path.class) {
      return Path.of("elsewhere");
    }
    throw new AssertionError("no other value for a setter of " + type + ": extend this test");
  }
}
