package io.github.lbstack.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page for a run, to scan from the top: a summary, then one section per stack with its
 * start-up timeline, the classes that used it with each test's outcome, the requests per replica, and each request
 * run's latency over time with what was done to the stack marked on it. Inline SVG, no script, no external asset,
 * so it opens from a CI artifact as it is.
 */
public final class HtmlReport {

  private static final int WIDTH = 720;
  private static final int LABEL = 90;
  private static final int ROW = 22;
  private static final int CHART_HEIGHT = 180;
  /** Room right of a time axis for its unit. */
  private static final int AXIS_UNIT = 60;
  private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf", "#393b79"};

  private HtmlReport() {}

  public static String render(List<StackRun> stacks, List<ClassRun> classes) {
    return render(stacks, classes, java.util.Set.of());
  }

  /**
   * @param fixtures the classes a test kit ran inside this run: their tests can fail on purpose, so the summary
   *     counts their outcomes apart
   */
  public static String render(List<StackRun> stacks, List<ClassRun> classes, java.util.Set<String> fixtures) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>lbstack run report</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}")
        .append("section.stack{margin:2.5em 0;border-top:2px solid #ddd;padding-top:.5em}")
        .append("h2{font-size:1.2em}h3{font-size:1em;margin:1.2em 0 .3em}h4{margin:1em 0 .2em}")
        .append(".meta{color:#666;font-size:.9em}table{border-collapse:collapse}")
        .append("td,th{padding:.15em .8em .15em 0;text-align:left;vertical-align:top}")
        .append("ul.tests{list-style:none;padding-left:0;margin:.2em 0}")
        .append("li.passed::before{content:'\\2714  ';color:#31a354}li.failed::before{content:'\\2718  ';color:#de2d26}")
        .append("li.aborted::before,li.skipped::before{content:'\\2013  ';color:#999}")
        .append("li.failed{color:#b00020}.class.failed h4{color:#b00020}")
        .append(".legend span{margin-right:1.2em;font-size:.85em}.swatch{display:inline-block;width:.9em;")
        .append("height:.9em;margin-right:.3em;vertical-align:middle}")
        .append("ol.marks{font-size:.85em;color:#444;margin:.2em 0 1em}svg text{font-size:11px}")
        .append("</style></head><body>\n<h1>lbstack run report</h1>\n");
    summary(html, stacks, classes, fixtures);
    for (StackRun stack : stacks) {
      List<ClassRun> users = classes.stream().filter(run -> run.stackId().equals(stack.id())).toList();
      stack(html, stack, users, fixtures);
    }
    return html.append("</body></html>\n").toString();
  }

  private static void summary(StringBuilder html, List<StackRun> stacks, List<ClassRun> classes,
      java.util.Set<String> fixtures) {
    Map<String, Long> outcomes = new TreeMap<>();
    Map<String, Long> fixtureOutcomes = new TreeMap<>();
    classes.forEach(run -> run.tests().forEach(test -> (fixtures.contains(run.testClass()) ? fixtureOutcomes
        : outcomes).merge(test.status(), 1L, Long::sum)));
    long requests = classes.stream().mapToLong(ClassRun::requests).sum();
    long failedRequests = classes.stream().mapToLong(ClassRun::failedRequests).sum();
    long started = stacks.stream().filter(stack -> !stack.adopted()).count();
    long savedBySharing = 0;
    int sharedUses = 0;
    for (StackRun stack : stacks) {
      long users = classes.stream().filter(run -> run.stackId().equals(stack.id())).count();
      if (users > 1) {
        savedBySharing += (users - 1) * stack.readyMillis();
        sharedUses += (int) users;
      }
    }
    List<Long> cold = stacks.stream().filter(stack -> !stack.adopted()).map(StackRun::readyMillis).sorted().toList();
    long savedByReuse = cold.isEmpty() ? 0 : stacks.stream().filter(StackRun::adopted)
        .mapToLong(stack -> Math.max(0, cold.get(cold.size() / 2) - stack.readyMillis())).sum();
    List<String> leftovers = stacks.stream().flatMap(stack -> stack.leftovers().stream()
        .map(left -> stack.id() + ": " + left)).toList();
    long kept = stacks.stream().filter(StackRun::keptForReuse).count();

    html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n");
    row(html, "stacks", started + " started" + (stacks.size() > started ? ", " + (stacks.size() - started)
        + " taken up from an earlier run" : "") + (cold.isEmpty() ? "" : "; ready in " + seconds(cold.get(0))
        + (cold.size() > 1 ? " to " + seconds(cold.get(cold.size() - 1)) : "")));
    row(html, "classes", classes.size() + " test classes");
    row(html, "tests", (outcomes.isEmpty() ? "none recorded" : counts(outcomes)) + (fixtureOutcomes.isEmpty() ? ""
        : "; besides, in fixture classes a test kit ran: " + counts(fixtureOutcomes)));
    row(html, "requests", requests + " through the lb, " + failedRequests + " failed");
    row(html, "time saved", "sharing " + seconds(savedBySharing) + " (" + sharedUses + " classes on shared stacks)"
        + (stacks.stream().anyMatch(StackRun::adopted) ? ", reuse " + seconds(savedByReuse) : ""));
    row(html, "leftovers", (leftovers.isEmpty() ? "none: every container and network removed"
        : String.join("; ", leftovers)) + (kept > 0 ? "; " + kept + " kept for reuse (lbstack.reuse=true)" : ""));
    html.append("</table>\n<table class=\"stacks\"><tr><th>stack</th><th>ready in</th><th>classes</th>"
        + "<th>tests</th><th>requests</th></tr>\n");
    for (StackRun stack : stacks) {
      List<ClassRun> users = classes.stream().filter(run -> run.stackId().equals(stack.id())).toList();
      long failedTests = users.stream().flatMap(run -> run.tests().stream())
          .filter(test -> test.status().equals("failed")).count();
      long tests = users.stream().mapToLong(run -> run.tests().size()).sum();
      html.append("<tr data-stack=\"").append(escape(stack.id())).append("\"><td><a href=\"#stack-")
          .append(escape(stack.id())).append("\">").append(escape(stack.id())).append("</a></td><td>")
          .append(seconds(stack.readyMillis())).append(stack.adopted() ? " (reused)" : "").append("</td><td>")
          .append(escape(String.join(", ", users.stream().map(ClassRun::simpleName).toList()))).append("</td><td>")
          .append(tests).append(failedTests > 0 ? ", " + failedTests + " failed" : "").append("</td><td>")
          .append(users.stream().mapToLong(ClassRun::requests).sum()).append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr data-row=\"").append(name).append("\"><th>").append(name).append("</th><td>")
        .append(escape(value)).append("</td></tr>\n");
  }

  private static String counts(Map<String, Long> outcomes) {
    return String.join(", ", outcomes.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
        .toList());
  }

  private static void stack(StringBuilder html, StackRun stack, List<ClassRun> users, java.util.Set<String> fixtures) {
    boolean failed = users.stream().anyMatch(run -> run.evidence() != null);
    html.append("<section class=\"stack").append(failed ? " failed" : "").append("\" id=\"stack-")
        .append(escape(stack.id())).append("\" data-stack=\"").append(escape(stack.id())).append("\">\n")
        .append("<h2>Stack ").append(escape(stack.id())).append("</h2>\n<p class=\"meta\">")
        .append(escape(stack.backend())).append(" &middot; ")
        .append(stack.adopted() ? "taken up from an earlier run" : "ready in " + seconds(stack.readyMillis()))
        .append(users.size() > 1 ? " &middot; shared by " + users.size() + " classes" : "")
        .append("</p>\n<h3>Start-up timeline</h3>\n");
    timeline(html, stack.startup());
    for (ClassRun run : users) {
      classRun(html, stack, run, fixtures.contains(run.testClass()));
    }
    html.append("</section>\n");
  }

  private static void classRun(StringBuilder html, StackRun stack, ClassRun run, boolean fixture) {
    html.append("<div class=\"class").append(run.evidence() == null ? "" : " failed").append("\" data-class=\"")
        .append(escape(run.testClass())).append("\">\n<h4>").append(escape(run.testClass())).append("</h4>\n");
    if (fixture) {
      html.append("<p class=\"meta\">a fixture class, run by a test kit inside this run: its tests may fail on "
          + "purpose</p>\n");
    }
    if (run.evidence() != null) {
      html.append("<p class=\"meta\">failed: evidence in ").append(escape(run.evidence())).append("</p>\n");
    }
    html.append("<ul class=\"tests\">\n");
    for (ClassRun.TestOutcome test : run.tests()) {
      html.append("<li class=\"").append(test.status()).append("\" data-status=\"").append(test.status())
          .append("\">").append(escape(test.name())).append(test.detail().isBlank() ? ""
              : " &mdash; <span class=\"meta\">" + escape(abbreviate(test.detail())) + "</span>").append("</li>\n");
    }
    html.append("</ul>\n");
    if (run.requests() == 0) {
      html.append("<p class=\"meta no-requests\">no requests through the lb</p>\n");
    } else {
      html.append("<h3>Requests served per replica</h3>\n");
      requests(html, run.served(), run.failed());
    }
    List<ClassRun.Mark> marks = stack.marks().stream()
        .filter(mark -> mark.nanos() >= run.startNanos() && mark.nanos() <= run.endNanos()).toList();
    for (LatencySeries series : run.runs()) {
      latency(html, series, marks);
    }
    // What no chart above shows: done while no run was sending.
    List<ClassRun.Mark> unmarked = marks.stream().filter(mark -> run.runs().stream()
        .noneMatch(series -> mark.nanos() >= series.startNanos() && mark.nanos() <= series.endNanos())).toList();
    if (!unmarked.isEmpty()) {
      html.append("<h3>Done to the stack").append(run.runs().isEmpty() ? "" : " between the runs")
          .append("</h3>\n<ol class=\"marks\">\n");
      unmarked.forEach(mark -> html.append("<li>").append(seconds((mark.nanos() - run.startNanos()) / 1_000_000))
          .append(" into the class: ").append(escape(mark.kind())).append(": ").append(escape(mark.what()))
          .append("</li>\n"));
      html.append("</ol>\n");
    }
    html.append("</div>\n");
  }

  /** Per service: a light bar while its container starts, a dark one until it is ready; a time axis under them. */
  private static void timeline(StringBuilder html, List<ClassRun.Step> steps) {
    Map<String, Map<String, Long>> byService = new LinkedHashMap<>();
    long end = 1;
    for (ClassRun.Step step : steps) {
      if (!step.service().equals("stack")) {
        byService.computeIfAbsent(step.service(), key -> new LinkedHashMap<>()).put(step.phase(), step.millis());
      }
      end = Math.max(end, step.millis());
    }
    html.append("<div class=\"legend\"><span><i class=\"swatch\" style=\"background:#9ecae1\"></i>container "
        + "starting</span><span><i class=\"swatch\" style=\"background:#3182bd\"></i>running, until ready</span>"
        + "</div>\n");
    int height = ROW * byService.size() + 30;
    html.append("<svg class=\"timeline\" width=\"").append(WIDTH + AXIS_UNIT).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"start-up timeline\">\n");
    int row = 0;
    int plot = WIDTH - LABEL - 70;
    for (var service : byService.entrySet()) {
      long start = service.getValue().getOrDefault("create and start", 0L);
      long running = service.getValue().getOrDefault("running", start);
      long ready = service.getValue().getOrDefault("ready", running);
      int y = row * ROW;
      html.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(service.getKey()))
          .append("</text>");
      rect(html, "starting", x(start, end, plot), y + 3, x(running, end, plot) - x(start, end, plot), "#9ecae1",
          service.getKey(), running - start);
      rect(html, "booting", x(running, end, plot), y + 3, x(ready, end, plot) - x(running, end, plot), "#3182bd",
          service.getKey(), ready - running);
      html.append("<text x=\"").append(x(ready, end, plot) + 4).append("\" y=\"").append(y + 15).append("\">")
          .append(seconds(ready)).append("</text>\n");
      row++;
    }
    axis(html, row * ROW + 4, end, plot, "s after launch");
    html.append("</svg>\n");
  }

  /** A time axis: a line, ticks at a round step, their labels in seconds. */
  private static void axis(StringBuilder html, int y, long end, int plot, String unit) {
    long step = step(end);
    html.append("<g class=\"axis\"><line x1=\"").append(LABEL).append("\" y1=\"").append(y).append("\" x2=\"")
        .append(LABEL + plot).append("\" y2=\"").append(y).append("\" stroke=\"#999\"/>");
    for (long tick = 0; tick <= end; tick += step) {
      int x = x(tick, end, plot);
      html.append("<line class=\"tick\" x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x)
          .append("\" y2=\"").append(y + 4).append("\" stroke=\"#999\"/><text x=\"").append(x - 6).append("\" y=\"")
          .append(y + 16).append("\">").append(trim(tick / 1000.0)).append("</text>");
    }
    html.append("<text x=\"").append(LABEL + plot + 8).append("\" y=\"").append(y + 16).append("\">").append(unit)
        .append("</text></g>\n");
  }

  private static long step(long end) {
    for (long step : new long[] {100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000, 120_000}) {
      if (end / step <= 8) {
        return step;
      }
    }
    return 300_000;
  }

  /** Per replica: a bar as long as its requests, the failed part in red. */
  private static void requests(StringBuilder html, Map<String, Long> served, Map<String, Long> failed) {
    Map<String, Long> ordered = new TreeMap<>(Comparator.comparingInt(HtmlReport::replicaNumber)
        .thenComparing(Comparator.naturalOrder()));
    ordered.putAll(served);
    long max = Math.max(1, ordered.values().stream().mapToLong(Long::longValue).max().orElse(1));
    html.append("<svg class=\"requests\" width=\"").append(WIDTH).append("\" height=\"")
        .append(ROW * Math.max(1, ordered.size())).append("\" role=\"img\" aria-label=\"requests per replica\">\n");
    int row = 0;
    for (var replica : ordered.entrySet()) {
      long count = replica.getValue();
      long failures = failed.getOrDefault(replica.getKey(), 0L);
      int y = row * ROW;
      int length = (int) ((WIDTH - LABEL - 160) * count / max);
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

  /**
   * A run's slowest request per bucket over time, a line per replica; failed requests as red dots on the axis;
   * what was done to the stack meanwhile as numbered dashed lines, listed under the chart.
   */
  private static void latency(StringBuilder html, LatencySeries series, List<ClassRun.Mark> classMarks) {
    long span = Math.max(1, (series.endNanos() - series.startNanos()) / 1_000_000);
    long top = niceCeiling(series.points().stream().mapToLong(LatencySeries.Point::maxMillis).max().orElse(1));
    int plot = WIDTH - LABEL - 70;
    Map<String, List<LatencySeries.Point>> byReplica = new TreeMap<>(Comparator.comparingInt(HtmlReport::replicaNumber)
        .thenComparing(Comparator.naturalOrder()));
    series.points().forEach(point -> byReplica.computeIfAbsent(point.replica(), key -> new ArrayList<>()).add(point));
    List<ClassRun.Mark> marks = classMarks.stream()
        .filter(mark -> mark.nanos() >= series.startNanos() && mark.nanos() <= series.endNanos()).toList();

    html.append("<h3>Latency: ").append(escape(series.label())).append("</h3>\n<p class=\"meta\">")
        .append(series.requests()).append(" requests, ").append(series.failures()).append(" failed, over ")
        .append(seconds(span)).append("; the slowest request of each ").append(series.bucketMillis())
        .append(" ms</p>\n<div class=\"legend\">");
    int color = 0;
    Map<String, String> colors = new LinkedHashMap<>();
    for (String replica : byReplica.keySet()) {
      String fill = replica.equals("no replica") ? "#de2d26" : PALETTE[color++ % PALETTE.length];
      colors.put(replica, fill);
      html.append("<span><i class=\"swatch\" style=\"background:").append(fill).append("\"></i>")
          .append(escape(replica)).append("</span>");
    }
    html.append("</div>\n<svg class=\"latency\" data-run=\"").append(escape(series.label())).append("\" width=\"")
        .append(WIDTH + AXIS_UNIT).append("\" height=\"").append(CHART_HEIGHT + 30)
        .append("\" role=\"img\" aria-label=\"latency over time per replica\">\n");
    // The y axis: 0 and the top, in ms.
    html.append("<text x=\"").append(LABEL - 50).append("\" y=\"12\">").append(top).append(" ms</text><text x=\"")
        .append(LABEL - 50).append("\" y=\"").append(CHART_HEIGHT).append("\">0 ms</text><line x1=\"").append(LABEL)
        .append("\" y1=\"4\" x2=\"").append(LABEL).append("\" y2=\"").append(CHART_HEIGHT)
        .append("\" stroke=\"#999\"/>\n");
    for (var replica : byReplica.entrySet()) {
      StringBuilder points = new StringBuilder();
      for (LatencySeries.Point point : replica.getValue()) {
        long at = point.atMillis() + series.bucketMillis() / 2;
        points.append(x(Math.min(at, span), span, plot)).append(',')
            .append(CHART_HEIGHT - (int) ((CHART_HEIGHT - 6) * point.maxMillis() / top)).append(' ');
        if (point.failures() > 0) {
          html.append("<circle class=\"failure\" data-replica=\"").append(escape(replica.getKey()))
              .append("\" cx=\"").append(x(Math.min(at, span), span, plot)).append("\" cy=\"").append(CHART_HEIGHT)
              .append("\" r=\"4\" fill=\"#de2d26\"><title>").append(point.failures()).append(" failed at ")
              .append(seconds(point.atMillis())).append("</title></circle>\n");
        }
      }
      html.append("<polyline class=\"replica\" data-replica=\"").append(escape(replica.getKey()))
          .append("\" fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colors.get(replica.getKey()))
          .append("\" points=\"").append(points.toString().strip()).append("\"/>\n");
    }
    for (int i = 0; i < marks.size(); i++) {
      ClassRun.Mark mark = marks.get(i);
      int x = x((mark.nanos() - series.startNanos()) / 1_000_000, span, plot);
      html.append("<g class=\"mark\" data-kind=\"").append(escape(mark.kind())).append("\"><line x1=\"").append(x)
          .append("\" y1=\"4\" x2=\"").append(x).append("\" y2=\"").append(CHART_HEIGHT)
          .append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/><text x=\"").append(x + 3).append("\" y=\"14\">")
          .append(i + 1).append("</text><title>").append(escape(mark.kind() + ": " + mark.what()))
          .append("</title></g>\n");
    }
    axis(html, CHART_HEIGHT + 2, span, plot, "s into the run");
    html.append("</svg>\n");
    if (!marks.isEmpty()) {
      html.append("<ol class=\"marks\">\n");
      marks.forEach(mark -> html.append("<li>").append(seconds((mark.nanos() - series.startNanos()) / 1_000_000))
          .append(": ").append(escape(mark.kind())).append(": ").append(escape(mark.what())).append("</li>\n"));
      html.append("</ol>\n");
    }
  }

  private static long niceCeiling(long value) {
    for (long nice : new long[] {10, 20, 50, 100, 200, 300, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000}) {
      if (value <= nice) {
        return nice;
      }
    }
    return value;
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

  private static int x(long millis, long end, int plot) {
    return LABEL + (int) (plot * millis / Math.max(1, end));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String abbreviate(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
