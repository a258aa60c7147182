package io.github.lbstack.it.reuse;

import io.github.lbstack.it.ItImages;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A test run in a JVM of its own, as a developer starts one from the IDE: it runs {@link ReuseFixture} with
 * {@code lbstack.reuse=true} and any {@code key=value} configuration from the arguments, then exits.
 */
public final class ReuseRun {

  private ReuseRun() {}

  public static void main(String[] args) {
    EngineTestKit.Builder engine = ItImages.engine().configurationParameter("lbstack.reuse", "true")
        .selectors(DiscoverySelectors.selectClass(ReuseFixture.class));
    for (String arg : args) {
      int equals = arg.indexOf('=');
      engine.configurationParameter(arg.substring(0, equals), arg.substring(equals + 1));
    }
    EngineExecutionResults results = engine.execute();
    results.allEvents().failed().stream().forEach(event -> System.out.println("FAILED " + event));
    System.out.println("SUCCEEDED " + results.testEvents().succeeded().count());
    System.out.flush();
    // Stores close at the end of execute(); a kept stack's containers outlive this JVM by design.
    System.exit(0);
  }
}
