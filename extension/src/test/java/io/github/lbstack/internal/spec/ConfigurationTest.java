package io.github.lbstack.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malformed values are ignored (and logged with their key), so a typo never stops a run. */
class ConfigurationTest {

  private static Configuration of(Map<String, String> values) {
    return new Configuration(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void keepsTheDefaultForAMalformedDuration() {
    Configuration configuration = of(Map.of("lbstack.startup.timeout", "two minutes"));

    assertThat(configuration.duration("lbstack.startup.timeout", 1000, Duration.ofSeconds(120)))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(StackSpecs.from(TestSpecs.image("app:1").declaration(), configuration).startupTimeout())
        .isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void readsWellFormedValuesAndIgnoresBlankOnes() {
    Configuration configuration = of(Map.of("lbstack.startup.timeout", " PT3M ", "lbstack.image.redis", "  ",
        "lbstack.reset.keep-tables", "a,,b"));

    assertThat(configuration.duration("lbstack.startup.timeout", 1000, Duration.ZERO)).isEqualTo(Duration.ofMinutes(3));
    assertThat(configuration.string("lbstack.image.redis")).isEmpty();
    assertThat(configuration.list("lbstack.reset.keep-tables", List.of())).containsExactly("a", "b");
  }

  @Test
  void readsTheStartOrderAndKeepsTheDefaultForAnUnknownOne() {
    assertThat(StackSpecs.from(TestSpecs.image("app:1").declaration(),
        of(Map.of("lbstack.startup.order", " Database-First "))).startOrder()).isEqualTo(StartOrder.DATABASE_FIRST);
    assertThat(StackSpecs.from(TestSpecs.image("app:1").declaration(),
        of(Map.of("lbstack.startup.order", "db-first"))).startOrder()).isEqualTo(StartOrder.DATABASE_AND_LB_FIRST);
  }
}
