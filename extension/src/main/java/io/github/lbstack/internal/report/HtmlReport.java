package io.github.lbstack.internal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page for a run: per class, the stack's start-up timeline and the requests each replica
 * served, as bar charts in inline SVG. No script, no external asset, so it opens from a CI artifact as it is.
 */
public final class HtmlReport {

  private static final int WIDTH = 640;
  private static final int LABEL = 90;
  private static final int ROW = 22;

  private HtmlReport() {}

  public static String render(List<ClassRun> runs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>lbstack run report</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}section{margin-bottom:2.5em}")
        .append("h2{font-size:1.1em;margin-bottom:.2em}.meta{color:#666;font-size:.9em}")
        .append(".failed h2{color:#b00020}svg text{font-size:12px}")
        .append("</style></head><body>\n<h1>lbstack run report</h1>\n");
    html.append("<p class=\"meta\">").append(runs.size()).append(" test classes</p>\n");
    for (ClassRun run : runs) {
      section(html, run);
    }
    return html.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder html, ClassRun run) {
    html.append("<section class=\"class").append(run.evidence() == null ? "" : " failed")
        .append("\" data-class=\"").append(escape(run.testClass())).append("\">\n")
        .append("<h2>").append(escape(run.testClass())).append("</h2>\n")
        .append("<p class=\"meta\">stack ").append(escape(run.stackId()))
        .append(run.shared() ? " (shared)" : "")
        .append(run.evidence() == null ? "" : " &middot; failed: evidence in " + escape(run.evidence()))
        .append("</p>\n");
    html.append("<h3>Start-up timeline</h3>\n");
    timeline(html, run.timeline());
    html.append("<h3>Requests served per replica</h3>\n");
    requests(html, run.served(), run.failed());
    html.append("</section>\n");
  }

  /** Per service: a light bar while its container starts, a dark one until it is ready. */
  private static void timeline(StringBuilder html, List<ClassRun.Step> steps) {
    Map<String, Map<String, Long>> byService = new LinkedHashMap<>();
    long end = 1;
    for (ClassRun.Step step : steps) {
      if (!step.service().equals("stack")) {
        byService.computeIfAbsent(step.service(), key -> new LinkedHashMap<>()).put(step.phase(), step.millis());
      }
      end = Math.max(end, step.millis());
    }
    int height = ROW * (byService.size() + 1);
    html.append("<svg class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"start-up timeline\">\n");
    int row = 0;
    for (var service : byService.entrySet()) {
      long start = service.getValue().getOrDefault("create and start", 0L);
      long running = service.getValue().getOrDefault("running", start);
      long ready = service.getValue().getOrDefault("ready", running);
      int y = row * ROW;
      html.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(service.getKey()))
          .append("</text>");
      rect(html, "starting", x(start, end), y + 3, x(running, end) - x(start, end), "#9ecae1", service.getKey(),
          running - start);
      rect(html, "booting", x(running, end), y + 3, x(ready, end) - x(running, end), "#3182bd", service.getKey(),
          ready - running);
      html.append("<text x=\"").append(x(ready, end) + 4).append("\" y=\"").append(y + 15).append("\">")
          .append(ready).append(" ms</text>\n");
      row++;
    }
    html.append("<text x=\"").append(LABEL).append("\" y=\"").append(height - 5)
        .append("\">0 ms &#8594; ready at ").append(end).append(" ms</text>\n</svg>\n");
  }

  /** Per replica: a bar as long as its requests, the failed part in red. */
  private static void requests(StringBuilder html, Map<String, Long> served, Map<String, Long> failed) {
    Map<String, Long> ordered = new TreeMap<>(java.util.Comparator.comparingInt(HtmlReport::replicaNumber)
        .thenComparing(java.util.Comparator.naturalOrder()));
    ordered.putAll(served);
    long max = Math.max(1, ordered.values().stream().mapToLong(Long::longValue).max().orElse(1));
    html.append("<svg class=\"requests\" width=\"").append(WIDTH).append("\" height=\"")
        .append(ROW * Math.max(1, ordered.size())).append("\" role=\"img\" aria-label=\"requests per replica\">\n");
    int row = 0;
    for (var replica : ordered.entrySet()) {
      long count = replica.getValue();
      long failures = failed.getOrDefault(replica.getKey(), 0L);
      int y = row * ROW;
      int length = (int) ((WIDTH - LABEL - 120) * count / max);
      int failedLength = count == 0 ? 0 : (int) (length * failures / count);
      html.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(replica.getKey()))
          .append("</text>");
      html.append("<rect class=\"served\" data-replica=\"").append(escape(replica.getKey()))
          .append("\" data-count=\"").append(count).append("\" x=\"").append(LABEL).append("\" y=\"").append(y + 3)
          .append("\" width=\"").append(length - failedLength).append("\" height=\"16\" fill=\"#31a354\"/>");
      html.append("<rect class=\"failed\" data-replica=\"").append(escape(replica.getKey()))
          .append("\" data-count=\"").append(failures).append("\" x=\"").append(LABEL + length - failedLength)
          .append("\" y=\"").append(y + 3).append("\" width=\"").append(failedLength)
          .append("\" height=\"16\" fill=\"#de2d26\"/>");
      html.append("<text x=\"").append(LABEL + length + 4).append("\" y=\"").append(y + 15).append("\">")
          .append(count).append(" requests").append(failures > 0 ? ", " + failures + " failed" : "")
          .append("</text>\n");
      row++;
    }
    html.append("</svg>\n");
  }

  private static int replicaNumber(String name) {
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static void rect(StringBuilder html, String kind, int x, int y, int width, String color, String service,
      long millis) {
    html.append("<rect class=\"").append(kind).append("\" data-service=\"").append(escape(service))
        .append("\" data-ms=\"").append(millis).append("\" x=\"").append(x).append("\" y=\"").append(y)
        .append("\" width=\"").append(Math.max(1, width)).append("\" height=\"16\" fill=\"").append(color)
        .append("\"><title>").append(escape(service)).append(' ').append(kind).append(' ').append(millis)
        .append(" ms</title></rect>");
  }

  private static int x(long millis, long end) {
    return LABEL + (int) ((WIDTH - LABEL - 70) * millis / end);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
