package io.github.lbstack.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final List<ClassRun.Step> TIMELINE = List.of(new ClassRun.Step("stack", "network created", 40),
      new ClassRun.Step("web-1", "create and start", 50), new ClassRun.Step("web-1", "running", 900),
      new ClassRun.Step("web-1", "ready", 2100), new ClassRun.Step("lb", "create and start", 950),
      new ClassRun.Step("lb", "running", 1300), new ClassRun.Step("lb", "ready", 2200));

  @Test
  void drawsATimelineBarPerServiceAndARequestBarPerReplicaWithItsFailures() {
    String html = HtmlReport.render(List.of(new ClassRun("com.example.ShopIT", "ab12cd34", true, TIMELINE,
        Map.of("web-1", 10L, "web-2", 5L), Map.of("web-2", 5L), null)));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>lbstack run report</title>")
        .contains("<section class=\"class\" data-class=\"com.example.ShopIT\">")
        .contains("stack ab12cd34 (shared)")
        .contains("class=\"booting\" data-service=\"web-1\" data-ms=\"1200\"")
        .contains("class=\"starting\" data-service=\"lb\" data-ms=\"350\"")
        .contains("class=\"served\" data-replica=\"web-1\" data-count=\"10\"")
        .contains("class=\"failed\" data-replica=\"web-2\" data-count=\"5\"")
        .contains("5 requests, 5 failed")
        .doesNotContain("http://", "https://", "<script", "<link");
  }

  @Test
  void marksAFailedClassWithItsEvidenceAndEscapesNames() {
    String html = HtmlReport.render(List.of(new ClassRun("a.B<script>", "x", false, TIMELINE, Map.of(), Map.of(),
        "/tmp/evidence")));

    assertThat(html).contains("<section class=\"class failed\"").contains("failed: evidence in /tmp/evidence")
        .contains("a.B&lt;script&gt;").doesNotContain("a.B<script>");
  }
}
