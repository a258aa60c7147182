package io.github.lbstack.samples;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.traffic.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a user sees after a red run: the failure names the folder with the stack's evidence, and the run report,
 * opened in a real browser, shows each class's start-up timeline and requests per replica as bar charts.
 */
class ReportIT {

  private static final Path REPORTS = Path.of("target/lbstack-reports-of-report-it");

  @Test
  void aFailedClassLeavesEvidenceAndTheReportShowsItsStackInABrowser(@TempDir Path profile) throws Exception {
    EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
        .configurationParameter(LoadBalancedStack.REPORT_DIR_PROPERTY, REPORTS.toString());
    for (String key : List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, LoadBalancedStack.MYSQL_IMAGE_PROPERTY,
        LoadBalancedStack.REDIS_IMAGE_PROPERTY, LoadBalancedStack.JRE_IMAGE_PROPERTY)) {
      if (System.getProperty(key) != null) {
        engine.configurationParameter(key, System.getProperty(key));
      }
    }
    EngineExecutionResults results = engine.selectors(selectClass(TwoReplicasTestCase.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Throwable failure = results.testEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .findFirst().orElseThrow();
    Path evidence = REPORTS.resolve(TwoReplicasTestCase.class.getName()).toAbsolutePath();
    assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("lbstack saved the stack's "
        + "logs, lb stats, description and start-up timeline in " + evidence);
    assertThat(evidence.resolve("web-1.log")).content().contains("Javalin");
    assertThat(evidence.resolve("stack.txt")).content().contains("password ****").doesNotContain("password null");
    assertThat(evidence.resolve("lb-stats.txt")).content().contains("web-2").contains("UP");
    assertThat(evidence.resolve("timeline.txt")).content().contains("lb", "ready");
    assertThat(evidence.resolve("lb.cfg")).content().contains("backend web", "server web-1 web-1:8080");
    assertThat(Files.list(evidence).map(file -> file.getFileName().toString()).collect(Collectors.toSet()))
        .contains("lb.log", "mysql.log", "redis.log", "web-1.log", "web-2.log");

    WebDriver browser = Chromium.start(profile);
    try {
      browser.get(REPORTS.resolve("index.html").toAbsolutePath().toUri().toString());
      assertThat(browser.getTitle()).isEqualTo("lbstack run report");
      WebElement section = browser.findElement(By.cssSelector("section[data-class='"
          + TwoReplicasTestCase.class.getName() + "']"));
      assertThat(section.getAttribute("class")).contains("failed");
      assertThat(section.getText()).contains("failed: evidence in " + evidence, "Start-up timeline",
          "Requests served per replica");
      List<String> timelineBars = section.findElements(By.cssSelector("svg.timeline rect.booting")).stream()
          .map(bar -> bar.getAttribute("data-service")).toList();
      assertThat(timelineBars).containsExactlyInAnyOrder("lb", "mysql", "redis", "web-1", "web-2");
      Map<String, String> served = section.findElements(By.cssSelector("svg.requests rect.served")).stream()
          .collect(Collectors.toMap(bar -> bar.getAttribute("data-replica"), bar -> bar.getAttribute("data-count")));
      assertThat(served).containsEntry("web-1", "3").containsEntry("web-2", "3");
      assertThat(section.findElement(By.cssSelector("svg.requests")).getSize().getHeight()).isPositive();
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
    void failsOnPurpose(RunningStack stack) {
      assertThat(stack.replicas()).as("deliberately wrong, to leave evidence").hasSize(3);
    }
  }
}
