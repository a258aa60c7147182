package io.github.lbstack.samples.bench;

import static io.github.lbstack.assertions.LbAssertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Traffic;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten test classes as a suite would have them, each sending a little traffic through the quickstart stack: once
 * all on one shared definition, once each with a stack of its own. The benchmark runs them through the test kit.
 */
final class SuiteFixtures {

  static final List<Class<?>> SHARED = List.of(Shared01TestCase.class, Shared02TestCase.class, Shared03TestCase.class, Shared04TestCase.class, Shared05TestCase.class, Shared06TestCase.class, Shared07TestCase.class, Shared08TestCase.class, Shared09TestCase.class, Shared10TestCase.class);
  static final List<Class<?>> OWN = List.of(Own01TestCase.class, Own02TestCase.class, Own03TestCase.class, Own04TestCase.class, Own05TestCase.class, Own06TestCase.class, Own07TestCase.class, Own08TestCase.class, Own09TestCase.class, Own10TestCase.class);

  private SuiteFixtures() {}

  @Retention(RetentionPolicy.RUNTIME)
  @LoadBalancedStack(shared = true, web = @Web(dockerfile = "${bench.dockerfile}", buildArgs = "BASE_IMAGE=${image.jre}"))
  @interface SharedStack {}

  @Retention(RetentionPolicy.RUNTIME)
  @LoadBalancedStack(web = @Web(dockerfile = "${bench.dockerfile}", buildArgs = "BASE_IMAGE=${image.jre}"))
  @interface OwnStack {}

  abstract static class OneClass {
    @Test
    void spreadsRequests(RunningStack stack) {
      assertThat(Traffic.through(stack).path("/login").send(6)).hasNoFailures().isRoundRobin();
    }
  }

  @SharedStack
  static class Shared01TestCase extends OneClass {}

  @SharedStack
  static class Shared02TestCase extends OneClass {}

  @SharedStack
  static class Shared03TestCase extends OneClass {}

  @SharedStack
  static class Shared04TestCase extends OneClass {}

  @SharedStack
  static class Shared05TestCase extends OneClass {}

  @SharedStack
  static class Shared06TestCase extends OneClass {}

  @SharedStack
  static class Shared07TestCase extends OneClass {}

  @SharedStack
  static class Shared08TestCase extends OneClass {}

  @SharedStack
  static class Shared09TestCase extends OneClass {}

  @SharedStack
  static class Shared10TestCase extends OneClass {}

  @OwnStack
  static class Own01TestCase extends OneClass {}

  @OwnStack
  static class Own02TestCase extends OneClass {}

  @OwnStack
  static class Own03TestCase extends OneClass {}

  @OwnStack
  static class Own04TestCase extends OneClass {}

  @OwnStack
  static class Own05TestCase extends OneClass {}

  @OwnStack
  static class Own06TestCase extends OneClass {}

  @OwnStack
  static class Own07TestCase extends OneClass {}

  @OwnStack
  static class Own08TestCase extends OneClass {}

  @OwnStack
  static class Own09TestCase extends OneClass {}

  @OwnStack
  static class Own10TestCase extends OneClass {}
}
