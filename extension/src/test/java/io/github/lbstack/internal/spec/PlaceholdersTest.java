package io.github.lbstack.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private final Placeholders placeholders = new Placeholders(Map.of("mysql.host", "mysql", "mysql.port", "3306"),
      Map.of("redis.", "the stack leaves out Redis (redis = false)"));

  @Test
  void expandsEveryPlaceholder() {
    assertThat(placeholders.expand("test", "jdbc:mysql://${mysql.host}:${mysql.port}/x"))
        .isEqualTo("jdbc:mysql://mysql:3306/x");
  }

  @Test
  void leavesPlainTextAndDoubledDollarsAsText() {
    assertThat(placeholders.expand("test", "cost $$5, ${ mysql.host }")).isEqualTo("cost $5, mysql");
    assertThat(placeholders.expand("test", "a $b c")).isEqualTo("a $b c");
  }

  @Test
  void rejectsAnUnknownPlaceholderNamingTheKnownOnes() {
    assertThatThrownBy(() -> placeholders.expand("@Web(env) URL", "${mysql.hots}"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Web(env) URL uses unknown placeholder ${mysql.hots}: use one of [${mysql.host}, ${mysql.port}],"
            + " or write $$ for a literal $.");
  }

  @Test
  void saysWhenAPlaceholderBelongsToALeftOutService() {
    assertThatThrownBy(() -> placeholders.expand("@Web(env) CACHE", "${redis.uri}"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Web(env) CACHE uses ${redis.uri}, but the stack leaves out Redis (redis = false): use one of "
            + "[${mysql.host}, ${mysql.port}], or write $$ for a literal $.");
  }
}
