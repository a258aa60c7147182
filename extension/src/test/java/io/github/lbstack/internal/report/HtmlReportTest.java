package io.github.lbstack.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's parts and the figures in them; ReportIT opens a real run's page in Chromium. */
class HtmlReportTest {

  private static final long S = 1_000_000_000L;
  private static final List<ClassRun.Step> TIMELINE = List.of(new ClassRun.Step("stack", "network created", 40),
      new ClassRun.Step("web-1", "create and start", 50), new ClassRun.Step("web-1", "running", 900),
      new ClassRun.Step("web-1", "ready", 2100), new ClassRun.Step("lb", "create and start", 950),
      new ClassRun.Step("lb", "running", 1300), new ClassRun.Step("lb", "ready", 2200));

  private static StackRun stack(String id, boolean adopted, List<ClassRun.Mark> marks, List<String> leftovers) {
    return new StackRun(id, "docker at unix:///var/run/docker.sock", adopted, false, 0,
        adopted ? List.of(new ClassRun.Step("stack", "attached to 5 containers", 300)) : TIMELINE, marks, leftovers);
  }

  private static ClassRun run(String name, String stack, Map<String, Long> served, Map<String, Long> failed,
      String evidence, List<ClassRun.TestOutcome> tests, List<LatencySeries> runs) {
    return new ClassRun(name, stack, served, failed, evidence, tests, runs, 10 * S, 60 * S);
  }

  private static final ClassRun.TestOutcome PASSED = new ClassRun.TestOutcome("roundRobin()", "passed", "");

  @Test
  void summarizesTheRunFirst() {
    String html = HtmlReport.render(List.of(stack("ab12cd34", false, List.of(), List.of()),
            stack("ef56ab78", true, List.of(), List.of())),
        List.of(run("com.example.ShopIT", "ab12cd34", Map.of("web-1", 10L, "web-2", 5L), Map.of("web-2", 5L), null,
                List.of(PASSED, new ClassRun.TestOutcome("kill()", "failed", "AssertionError: expected 3")), List.of()),
            run("com.example.CartIT", "ab12cd34", Map.of(), Map.of(), null, List.of(PASSED), List.of()),
            run("com.example.ReusedIT", "ef56ab78", Map.of(), Map.of(), null, List.of(PASSED), List.of())));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>lbstack run report</title>")
        .contains("<tr data-row=\"stacks\"><th>stacks</th><td>1 started, 1 taken up from an earlier run; ready in "
            + "2.2 s</td></tr>")
        .contains("<td>3 test classes</td>")
        .contains("<td>1 failed, 3 passed</td>")
        .contains("<td>15 through the lb, 5 failed</td>")
        // Two classes on ab12cd34 saved one start of 2.2 s; the reused stack saved 2.2 - 0.3 s.
        .contains("<td>sharing 2.2 s (2 classes on shared stacks), reuse 1.9 s</td>")
        .contains("<td>none: every container and network removed</td>")
        .contains("<td>ShopIT, CartIT</td><td>3, 1 failed</td><td>15</td>")
        .doesNotContain("http://", "https://", "<script", "<link");
    assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("<section class=\"stack"));
  }

  @Test
  void countsTheTestsOfFixtureClassesApartAndSaysTheyMayFailOnPurpose() {
    String html = HtmlReport.render(List.of(stack("ab12cd34", false, List.of(), List.of())),
        List.of(run("com.example.SharedIT", "ab12cd34", Map.of(), Map.of(), null, List.of(PASSED), List.of()),
            run("com.example.SharedIT$FailingFixture", "ab12cd34", Map.of(), Map.of(), "target/ev", List.of(
                new ClassRun.TestOutcome("failsOnPurpose()", "failed", "AssertionError")), List.of())),
        java.util.Set.of("com.example.SharedIT$FailingFixture"));

    assertThat(html).contains("<td>1 passed; besides, in fixture classes a test kit ran: 1 failed</td>")
        .contains("a fixture class, run by a test kit inside this run: its tests may fail on purpose");
    assertThat(html.split("a fixture class", -1)).as("only the fixture is marked").hasSize(2);
  }

  @Test
  void showsAStacksTimelineOnceWithAnAxisAndALegendAndEachClassWithItsTests() {
    String html = HtmlReport.render(List.of(stack("ab12cd34", false, List.of(), List.of())),
        List.of(run("com.example.ShopIT", "ab12cd34", Map.of("web-1", 10L, "web-2", 5L), Map.of("web-2", 5L), null,
                List.of(PASSED, new ClassRun.TestOutcome("kill()", "failed", "AssertionError: expected 3")), List.of()),
            run("com.example.CartIT", "ab12cd34", Map.of(), Map.of(), null, List.of(PASSED), List.of())));

    assertThat(html.split("<svg class=\"timeline\"", -1)).hasSize(2);
    assertThat(html).contains("shared by 2 classes")
        .contains("class=\"booting\" data-service=\"web-1\" data-ms=\"1200\"")
        .contains("class=\"starting\" data-service=\"lb\" data-ms=\"350\"")
        .contains("container starting</span>").contains("running, until ready</span>")
        .contains("<line class=\"tick\"").contains("s after launch")
        .contains("<li class=\"failed\" data-status=\"failed\">kill() &mdash; <span class=\"meta\">AssertionError: "
            + "expected 3</span></li>")
        .contains("<li class=\"passed\" data-status=\"passed\">roundRobin()</li>")
        .contains("class=\"served\" data-replica=\"web-1\" data-count=\"10\"")
        .contains("class=\"failed\" data-replica=\"web-2\" data-count=\"5\"")
        .contains("5 requests, 5 failed");
    // CartIT sent nothing through the lb: a line says so, instead of rows of zeros.
    String cart = html.substring(html.indexOf("data-class=\"com.example.CartIT\""));
    assertThat(cart).contains("no requests through the lb").doesNotContain("<svg class=\"requests\"");
  }

  @Test
  void drawsEachRunsLatencyPerReplicaWithWhatWasDoneMarkedOnIt() {
    LatencySeries load = new LatencySeries("Load, 40/s, GET /", 20 * S, 30 * S, 100, List.of(
        new LatencySeries.Point("web-1", 0, 12, 4, 0), new LatencySeries.Point("web-1", 5000, 15, 4, 0),
        new LatencySeries.Point("web-2", 0, 11, 4, 0), new LatencySeries.Point("web-2", 5000, 230, 4, 1)));
    List<ClassRun.Mark> marks = List.of(new ClassRun.Mark(15 * S, "drill", "kill web-3"),
        new ClassRun.Mark(24 * S, "fault", "applied 200 ms delay to lb on web-2"),
        new ClassRun.Mark(70 * S, "rollout", "after the class"));
    String html = HtmlReport.render(List.of(stack("ab12cd34", false, marks, List.of())),
        List.of(run("com.example.SlowIT", "ab12cd34", Map.of("web-1", 8L, "web-2", 8L), Map.of(), null,
            List.of(PASSED), List.of(load))));

    assertThat(html).contains("<h3>Latency: Load, 40/s, GET /</h3>")
        .contains("16 requests, 1 failed, over 10.0 s")
        .contains("<polyline class=\"replica\" data-replica=\"web-1\"")
        .contains("<polyline class=\"replica\" data-replica=\"web-2\"")
        .contains("<circle class=\"failure\" data-replica=\"web-2\"")
        .contains(">300 ms</text>")
        .contains("<g class=\"mark\" data-kind=\"fault\">")
        .contains("<li>4.0 s: fault: applied 200 ms delay to lb on web-2</li>")
        .contains("s into the run");
    // Only what happened during the run is marked on it; the kill came before it, so it is listed apart, and the
    // rollout after the class is not this class's.
    assertThat(html).doesNotContain("data-kind=\"drill\"", "after the class")
        .contains("<h3>Done to the stack between the runs</h3>").contains("<li>5.0 s into the class: drill: kill web-3");
  }

  @Test
  void namesLeftoversAndMarksAFailedClassWithItsEvidenceAndEscapesNames() {
    String html = HtmlReport.render(List.of(stack("x", false, List.of(), List.of("network lbstack-x"))),
        List.of(run("a.B<script>", "x", Map.of(), Map.of(), "/tmp/evidence", List.of(), List.of())));

    assertThat(html).contains("<td>x: network lbstack-x</td>")
        .contains("<div class=\"class failed\"").contains("failed: evidence in /tmp/evidence")
        .contains("a.B&lt;script&gt;").doesNotContain("a.B<script>");
  }
}
