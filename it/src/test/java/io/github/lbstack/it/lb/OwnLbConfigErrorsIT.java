package io.github.lbstack.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.Database;
import io.github.lbstack.Lb;
import io.github.lbstack.LbType;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.Leftovers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Events;

/**
 * A user's balancer config that cannot work fails the class before any replica starts, with a message that says
 * what is wrong in the user's own terms: the balancer's words (HAProxy's or nginx's) and the file's line numbers, or the backend that is not
 * there. Nothing is left behind.
 */
class OwnLbConfigErrorsIT {

  @Test
  void aSyntaxErrorQuotesHaproxyWithTheLineOfTheUsersFile() {
    String message = failureOf(SyntaxErrorTestCase.class);

    assertThat(message)
        .contains("@Lb(config = \"src/test/haproxy/broken.cfg\") does not pass 'haproxy -c -f "
            + "/usr/local/etc/haproxy/haproxy.cfg'")
        // Line 10 of the user's file; lbstack's copy has it on another line, since a global section was added.
        .contains("[src/test/haproxy/broken.cfg:10]: 'http-request' expects")
        .contains("but got 'set-heder'. Did you mean 'set-header' maybe ?")
        .contains("What lbstack changed in it:\n  - added a global section with the Runtime API on port 9999")
        .doesNotContain("/usr/local/etc/haproxy/haproxy.cfg:");
    Matcher stack = Pattern.compile("lbstack (\\w{8}): @Lb").matcher(message);
    assertThat(stack.find()).as("the stack's id in: " + message).isTrue();
    assertThat(Leftovers.of(stack.group(1))).as("what the failed check left").isEmpty();
  }

  @Test
  void aBackendThatIsNotInTheFileIsNamedWithTheOnesThatAre() {
    assertThat(failureOf(UnknownBackendTestCase.class))
        .endsWith("@Lb(config = \"src/test/haproxy/shop.cfg\") has no backend 'web' (its backends: app, static, assets): "
            + "set backend to the one that holds your app's servers.");
  }

  @Test
  void anNginxSyntaxErrorQuotesNginxWithTheLineOfTheUsersFile() {
    long start = System.nanoTime();
    String message = failureOf(NginxSyntaxErrorTestCase.class);

    assertThat(message)
        .contains("@Lb(config = \"src/test/nginx/broken.conf\") does not pass 'nginx -t -c /etc/nginx/nginx.conf'")
        // Line 9 of the user's file; lbstack's copy has it on another line, since lines were added above it.
        .contains("unknown directive \"least_conection\" in src/test/nginx/broken.conf:9")
        .contains("What lbstack changed in it:\n  - replaced the server lines of upstream app")
        .doesNotContain("/etc/nginx/nginx.conf:");
    System.out.printf("the broken nginx.conf failed the class after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    Matcher stack = Pattern.compile("lbstack (\\w{8}): @Lb").matcher(message);
    assertThat(stack.find()).as("the stack's id in: " + message).isTrue();
    assertThat(Leftovers.of(stack.group(1))).as("what the failed check left").isEmpty();
  }

  @Test
  void anNginxUpstreamThatIsNotInTheFileIsNamedWithTheOnesThatAre() {
    assertThat(failureOf(NginxUnknownUpstreamTestCase.class))
        .endsWith("@Lb(config = \"src/test/nginx/shop.conf\") has no upstream web (@Lb(backend)): its upstreams are "
            + "app (line 14), assets (line 20). Name the upstream whose servers are your app's replicas.");
  }

  private static String failureOf(Class<?> fixture) {
    Events events = ItImages.engine().selectors(selectClass(fixture)).execute().allEvents();
    Throwable failure = events.failed().stream().findFirst().orElseThrow(() -> new AssertionError(fixture
            + " did not fail"))
        .getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
    events.started().assertThatEvents().noneMatch(event -> event.getTestDescriptor().isTest());
    return failure.getMessage();
  }

  @LoadBalancedStack(web = @Web(jar = "target/it-app.jar"), database = Database.NONE, redis = false,
      lb = @Lb(config = "src/test/haproxy/broken.cfg", backend = "app"))
  static class SyntaxErrorTestCase {
    @Test
    void neverRuns(RunningStack stack) {
      throw new AssertionError("the stack should not have started");
    }
  }

  @LoadBalancedStack(web = @Web(jar = "target/it-app.jar"),
      lb = @Lb(config = "src/test/haproxy/shop.cfg", backend = "web"))
  static class UnknownBackendTestCase {
    @Test
    void neverRuns(RunningStack stack) {
      throw new AssertionError("the stack should not have started");
    }
  }

  @LoadBalancedStack(web = @Web(jar = "target/it-app.jar"), database = Database.NONE, redis = false,
      lb = @Lb(type = LbType.NGINX, config = "src/test/nginx/broken.conf", backend = "app"))
  static class NginxSyntaxErrorTestCase {
    @Test
    void neverRuns(RunningStack stack) {
      throw new AssertionError("the stack should not have started");
    }
  }

  @LoadBalancedStack(web = @Web(jar = "target/it-app.jar"),
      lb = @Lb(type = LbType.NGINX, config = "src/test/nginx/shop.conf", backend = "web"))
  static class NginxUnknownUpstreamTestCase {
    @Test
    void neverRuns(RunningStack stack) {
      throw new AssertionError("the stack should not have started");
    }
  }
}
