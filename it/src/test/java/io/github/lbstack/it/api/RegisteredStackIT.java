package io.github.lbstack.it.api;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.StackExtension;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.traffic.Traffic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stack defined in code, registered with {@code @RegisterExtension}, its jar path read from a system property. */
class RegisteredStackIT {

  @RegisterExtension
  static StackExtension stack = StackDefinition.builder()
      .replicas(2)
      .jar(Path.of(System.getProperty(ItImages.APP_JAR_PROPERTY)))
      .build()
      .extension();

  @Test
  void servesTheJarFromTheSystemPropertyBehindTheLb(RunningStack stack) {
    assertThat(Traffic.through(stack).send(6)).hasNoFailures().coversExactly("web-1", "web-2").isRoundRobin();
    assertThat(given(stack.replica(1).spec()).get("/").asString()).isEqualTo("web-1");
    assertThat(stack.logs("web-1")).contains("it-app listening on 8080 as web-1");
  }

  @Test
  void refusesToBeClosedByTheTest(RunningStack stack) {
    org.assertj.core.api.Assertions.assertThatThrownBy(stack::close).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("belongs to the extension that injected it");
  }
}
