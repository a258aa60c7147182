package io.github.lbstack.it.reuse;

import io.github.lbstack.it.ItImages;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A test run in a JVM of its own, as a developer starts one from the IDE: it runs {@link ReuseFixture} with
 * {@code lbstack.reuse=true} (or the fixture {@link #FIXTURE} names) and any {@code key=value} configuration from the
 * arguments, then exits.
 */
public final class ReuseRun {

  /** An argument that names another fixture class to run, such as {@code fixture=...ReusePostgresFixture}. */
  static final String FIXTURE = "fixture=";

  private ReuseRun() {}

  public static void main(String[] args) {
    EngineTestKit.Builder engine = ItImages.engine().configurationParameter("lbstack.reuse", "true");
    String fixture = ReuseFixture.class.getName();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith(FIXTURE)) {
        fixture = arg.substring(FIXTURE.length());
      } else {
        engine.configurationParameter(arg.substring(0, equals), arg.substring(equals + 1));
      }
    }
    engine.selectors(DiscoverySelectors.selectClass(fixture));
    EngineExecutionResults results = engine.execute();
    results.allEvents().failed().stream().forEach(event -> System.out.println("FAILED " + event));
    System.out.println("SUCCEEDED " + results.testEvents().succeeded().count());
    System.out.flush();
    // Stores close at the end of execute(); a kept stack's containers outlive this JVM by design.
    System.exit(0);
  }
}
