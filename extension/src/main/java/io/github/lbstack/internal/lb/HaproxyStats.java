package io.github.lbstack.internal.lb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of the CSV of HAProxy's stats page: which servers of a backend are UP, DOWN, in MAINT and so on, and the
 * lb's request counters. The text is split once, however many columns a caller then reads: the lb's page is read
 * on every poll of a drill or a routed request.
 */
public final class HaproxyStats {

  private final List<String> header;
  private final List<String[]> rows;
  private final int pxname;
  private final int svname;

  private HaproxyStats(List<String> header, List<String[]> rows) {
    this.header = header;
    this.rows = rows;
    this.pxname = header.indexOf("pxname");
    this.svname = header.indexOf("svname");
  }

  /**
   * @param csv the text of the stats page's {@code ;csv} view
   * @return its rows, read by the header's column names
   * @throws IllegalArgumentException when the text is not HAProxy's stats CSV
   */
  public static HaproxyStats parse(String csv) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
      throw new IllegalArgumentException("not HAProxy stats CSV: " + abbreviate(csv));
    }
    List<String> header = Arrays.asList(lines.get(0).substring(2).split(",", -1));
    if (!header.contains("pxname") || !header.contains("svname")) {
      throw new IllegalArgumentException("HAProxy stats CSV lacks pxname or svname: " + lines.get(0));
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return new HaproxyStats(header, rows);
  }

  /** @return server name to status (for example {@code "UP"}, {@code "DOWN"}, {@code "MAINT"}), in config order */
  public Map<String, String> serverStatuses(String backend) {
    return column(backend, "status");
  }

  /** @return server name to the number of requests it was sent through the lb (HAProxy's {@code stot}) */
  public Map<String, Long> requestsServed(String backend) {
    return sum(backend, "stot");
  }

  /** @return server name to the sum of these numeric columns (an empty field counts 0), for a backend's servers */
  public Map<String, Long> sum(String backend, String... columns) {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (String column : columns) {
      column(backend, column).forEach((server, value) -> sums.merge(server, number(value), Long::sum));
    }
    return sums;
  }

  /**
   * @return every backend's (and listen section's) number of HTTP requests ({@code req_tot}) since the lb started,
   *     lbstack's own stats frontend left out
   */
  public Map<String, Long> backendRequests() {
    return proxyTotals("BACKEND", "req_tot");
  }

  /**
   * @return the HTTP responses the lb has finished, over every frontend but lbstack's stats page ({@code hrsp_*} of
   *     the {@code FRONTEND} rows). HAProxy counts a request here and in its backend's {@code req_tot} in one step,
   *     when the request's stream ends, which can be just after the client has read the whole response.
   */
  public long responsesSent() {
    return frontendTotal("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other");
  }

  /**
   * @return the HTTP requests the lb has received but not finished, over every frontend but lbstack's stats page:
   *     a frontend counts a request in {@code req_tot} as soon as it has read its headers, and in {@code hrsp_*}
   *     (with its backend's {@code req_tot}) when its stream ends. Every request gets a status (-1, "other", when
   *     the client went away), so this is 0 once the lb has finished all it received.
   */
  public long requestsUnderWay() {
    return frontendTotal("req_tot") - responsesSent();
  }

  /** The sum of these columns over every frontend but lbstack's stats page. */
  private long frontendTotal(String... columns) {
    long total = 0;
    for (String column : columns) {
      total += proxyTotals("FRONTEND", column).values().stream().mapToLong(Long::longValue).sum();
    }
    return total;
  }

  /**
   * Proxy name to one column of its summary row ({@code FRONTEND} or {@code BACKEND}; an empty field counts 0), over
   * every proxy but lbstack's stats page.
   */
  private Map<String, Long> proxyTotals(String summary, String column) {
    int wanted = index(column);
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String[] row : rows) {
      if (has(row, wanted) && row[svname].equals(summary) && !row[pxname].equals(HaproxyConfig.STATS_FRONTEND)) {
        totals.put(row[pxname], number(row[wanted]));
      }
    }
    return totals;
  }

  /**
   * @return server name to the value of one column (by its CSV header name) for a backend's servers
   * @throws IllegalArgumentException when the CSV has no such column
   */
  public Map<String, String> column(String backend, String name) {
    int wanted = index(name);
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] row : rows) {
      if (has(row, wanted) && row[pxname].equals(backend) && !row[svname].equals("BACKEND")
          && !row[svname].equals("FRONTEND")) {
        values.put(row[svname], row[wanted]);
      }
    }
    return values;
  }

  /** Whether a row reaches this column and names its proxy and server: a cut-off line is skipped. */
  private boolean has(String[] row, int column) {
    return row.length > Math.max(column, Math.max(pxname, svname));
  }

  private int index(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("HAProxy stats CSV lacks " + name + ": # " + String.join(",", header));
    }
    return index;
  }

  private static long number(String value) {
    return value.isEmpty() ? 0L : Long.parseLong(value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
