package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.NetworkFault;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Load;
import io.github.lbstack.traffic.LoadResult;
import io.github.lbstack.traffic.LoadRun;
import io.github.lbstack.traffic.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a user sees after a red run: the failure names the folder with the stack's evidence, and the run report,
 * opened in a real browser, starts with a summary, then shows the stack once with its start-up timeline (an axis and
 * a legend), the class with each test's outcome, the requests per replica, and the load's latency per replica over
 * time with the network fault marked where it was applied and reverted. A screenshot is kept for a person to look
 * at: target/lbstack-report.png.
 */
class ReportIT {

  private static final Path REPORTS = Path.of("target/lbstack-reports-of-report-it");

  @Test
  void aFailedClassLeavesEvidenceAndTheReportShowsItsStackInABrowser(@TempDir Path profile) throws Exception {
    EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
        .configurationParameter(LoadBalancedStack.REPORT_DIR_PROPERTY, REPORTS.toString());
    for (String key : List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, LoadBalancedStack.MYSQL_IMAGE_PROPERTY,
        LoadBalancedStack.REDIS_IMAGE_PROPERTY, LoadBalancedStack.JRE_IMAGE_PROPERTY,
        LoadBalancedStack.NETFAULT_IMAGE_PROPERTY)) {
      if (System.getProperty(key) != null) {
        engine.configurationParameter(key, System.getProperty(key));
      }
    }
    EngineExecutionResults results = engine.selectors(selectClass(TwoReplicasTestCase.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    Throwable failure = results.testEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .findFirst().orElseThrow();
    Path evidence = REPORTS.resolve(TwoReplicasTestCase.class.getName()).toAbsolutePath();
    assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).singleElement().asString()
        .startsWith("lbstack saved the stack's logs, lb stats, description and start-up timeline in " + evidence
            + "\nthe lb's view of each replica when the test failed:\n")
        .endsWith(Files.readString(evidence.resolve("lb-stats.txt")));
    assertThat(evidence.resolve("web-1.log")).content().contains("Javalin");
    assertThat(evidence.resolve("stack.txt")).content().contains("password ****").doesNotContain("password null");
    assertThat(evidence.resolve("lb-stats.txt")).content().contains("web-2").contains("UP");
    assertThat(evidence.resolve("timeline.txt")).content().contains("lb", "ready");
    assertThat(evidence.resolve("lb.cfg")).content().contains("backend web", "server web-1 web-1:8080");
    assertThat(Files.list(evidence).map(file -> file.getFileName().toString()).collect(Collectors.toSet()))
        .contains("lb.log", "mysql.log", "redis.log", "web-1.log", "web-2.log");

    WebDriver browser = Chromium.start(profile);
    try {
      browser.manage().window().setSize(new Dimension(1200, 2600));
      browser.get(REPORTS.resolve("index.html").toAbsolutePath().toUri().toString());
      assertThat(browser.getTitle()).isEqualTo("lbstack run report");
      byte[] screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(Path.of("target/lbstack-report.png"), screenshot);
      assertThat(screenshot).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(20_000);

      WebElement summary = browser.findElement(By.id("summary"));
      assertThat(browser.findElement(By.cssSelector("body > section")).getAttribute("id")).isEqualTo("summary");
      assertThat(summary.findElement(By.cssSelector("tr[data-row='tests'] td")).getText())
          .isEqualTo("1 failed, 2 passed");
      assertThat(summary.findElement(By.cssSelector("tr[data-row='stacks'] td")).getText()).startsWith("1 started");
      assertThat(summary.findElement(By.cssSelector("tr[data-row='leftovers'] td")).getText())
          .isEqualTo("none: every container and network removed");

      WebElement stackSection = browser.findElement(By.cssSelector("section.stack"));
      assertThat(stackSection.findElements(By.cssSelector("svg.timeline"))).hasSize(1);
      List<String> timelineBars = stackSection.findElements(By.cssSelector("svg.timeline rect.booting")).stream()
          .map(bar -> bar.getAttribute("data-service")).toList();
      assertThat(timelineBars).containsExactlyInAnyOrder("lb", "mysql", "redis", "web-1", "web-2");
      assertThat(stackSection.findElements(By.cssSelector("svg.timeline line.tick"))).hasSizeGreaterThan(2);
      assertThat(stackSection.getText()).contains("container starting", "running, until ready", "s after launch");

      WebElement section = stackSection.findElement(By.cssSelector("div.class[data-class='"
          + TwoReplicasTestCase.class.getName() + "']"));
      assertThat(section.getAttribute("class")).contains("failed");
      assertThat(section.getText()).contains("failed: evidence in " + evidence, "Requests served per replica");
      assertThat(section.findElements(By.cssSelector("li.passed")).stream().map(WebElement::getText))
          .anySatisfy(test -> assertThat(test).startsWith("sendsSixRequests"))
          .anySatisfy(test -> assertThat(test).startsWith("loadWhileAReplicaIsDelayed"));
      assertThat(section.findElement(By.cssSelector("li.failed")).getText()).startsWith("failsOnPurpose")
          .contains("deliberately wrong");
      Map<String, Integer> served = section.findElements(By.cssSelector("svg.requests rect.served")).stream()
          .collect(Collectors.toMap(bar -> bar.getAttribute("data-replica"),
              bar -> Integer.parseInt(bar.getAttribute("data-count"))));
      assertThat(served).containsOnlyKeys("web-1", "web-2").allSatisfy((replica, count) ->
          assertThat(count).isGreaterThanOrEqualTo(3));

      WebElement latency = section.findElement(By.cssSelector("svg.latency"));
      assertThat(latency.getAttribute("data-run")).startsWith("Load, 20/s");
      assertThat(latency.findElements(By.cssSelector("polyline.replica")).stream()
          .map(line -> line.getAttribute("data-replica"))).containsExactly("web-1", "web-2");
      assertThat(latency.findElements(By.cssSelector("g.mark[data-kind='fault']"))).hasSize(2);
      assertThat(section.findElement(By.cssSelector("ol.marks")).getText())
          .contains("fault: applied 150 ms delay to lb on web-2", "fault: reverted 150 ms delay to lb on web-2");
    } finally {
      browser.quit();
    }
  }

  @LoadBalancedStack(replicas = 2,
      web = @Web(dockerfile = QuickstartStack.DOCKERFILE, buildArgs = QuickstartStack.BASE_IMAGE_ARG))
  static class TwoReplicasTestCase {
    @Test
    void sendsSixRequests(RunningStack stack) {
      assertThat(Traffic.through(stack).path("/login").send(6)).hasNoFailures().isRoundRobin();
    }

    @Test
    void loadWhileAReplicaIsDelayed(RunningStack stack) {
      LoadResult result;
      try (LoadRun load = Load.through(stack).path("/login").rate(20).start()) {
        load.awaitCompleted(10);
        try (NetworkFault fault = stack.replica(2).network().to("lb").delay(Duration.ofMillis(150))) {
          load.awaitCompleted(10);
        }
        load.awaitCompleted(10);
        result = load.stop();
      }
      assertThat(result).hasNoErrors();
    }

    @Test
    void failsOnPurpose(RunningStack stack) {
      assertThat(stack.replicas()).as("deliberately wrong, to leave evidence").hasSize(3);
    }
  }
}
