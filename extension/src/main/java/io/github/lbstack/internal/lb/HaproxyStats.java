package io.github.lbstack.internal.lb;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CSV of HAProxy's stats page: which servers of a backend are UP, DOWN, in MAINT and so on. */
public final class HaproxyStats {

  private HaproxyStats() {}

  /**
   * @return server name to status (for example {@code "UP"}, {@code "DOWN"}, {@code "MAINT"}), in config order
   * @throws IllegalArgumentException when the text is not HAProxy's stats CSV
   */
  public static Map<String, String> serverStatuses(String csv, String backend) {
    return column(csv, backend, "status");
  }

  /** @return server name to the number of requests it was sent through the lb (HAProxy's {@code stot}) */
  public static Map<String, Long> requestsServed(String csv, String backend) {
    Map<String, Long> served = new LinkedHashMap<>();
    column(csv, backend, "stot").forEach((server, value) -> served.put(server,
        value.isEmpty() ? 0L : Long.parseLong(value)));
    return served;
  }

  /**
   * @return every backend's (and listen section's) number of HTTP requests ({@code req_tot}) since the lb started,
   *     lbstack's own stats frontend left out
   */
  public static Map<String, Long> backendRequests(String csv) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Row row : rows(csv, "req_tot")) {
      if (row.server().equals("BACKEND") && !row.proxy().equals(HaproxyConfig.STATS_FRONTEND)) {
        totals.put(row.proxy(), row.value().isEmpty() ? 0L : Long.parseLong(row.value()));
      }
    }
    return totals;
  }

  /**
   * @return the HTTP responses the lb has finished, over every frontend but lbstack's stats page ({@code hrsp_*} of
   *     the {@code FRONTEND} rows). HAProxy counts a request here and in its backend's {@code req_tot} in one step,
   *     when the request's stream ends, which can be just after the client has read the whole response.
   */
  public static long responsesSent(String csv) {
    return frontendTotal(csv, "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other");
  }

  /**
   * @return the HTTP requests the lb has received but not finished, over every frontend but lbstack's stats page:
   *     a frontend counts a request in {@code req_tot} as soon as it has read its headers, and in {@code hrsp_*}
   *     (with its backend's {@code req_tot}) when its stream ends. Every request gets a status (-1, "other", when
   *     the client went away), so this is 0 once the lb has finished all it received.
   */
  public static long requestsUnderWay(String csv) {
    return frontendTotal(csv, "req_tot") - responsesSent(csv);
  }

  /** The sum of these columns over every frontend but lbstack's stats page. */
  private static long frontendTotal(String csv, String... columns) {
    long total = 0;
    for (String column : columns) {
      for (Row row : rows(csv, column)) {
        if (row.server().equals("FRONTEND") && !row.proxy().equals(HaproxyConfig.STATS_FRONTEND)
            && !row.value().isEmpty()) {
          total += Long.parseLong(row.value());
        }
      }
    }
    return total;
  }

  /** Server name to the value of one column (by its CSV header name) for a backend's servers. */
  public static Map<String, String> column(String csv, String backend, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Row row : rows(csv, name)) {
      if (row.proxy().equals(backend) && !row.server().equals("BACKEND") && !row.server().equals("FRONTEND")) {
        values.put(row.server(), row.value());
      }
    }
    return values;
  }

  /** One line of the stats CSV: proxy ({@code pxname}), server ({@code svname}) and one column's value. */
  private record Row(String proxy, String server, String value) {}

  /** Every line of the CSV that has the column, read by the header's names. */
  private static List<Row> rows(String csv, String name) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
      throw new IllegalArgumentException("not HAProxy stats CSV: " + abbreviate(csv));
    }
    List<String> header = Arrays.asList(lines.get(0).substring(2).split(",", -1));
    int pxname = header.indexOf("pxname");
    int svname = header.indexOf("svname");
    int wanted = header.indexOf(name);
    if (pxname < 0 || svname < 0 || wanted < 0) {
      throw new IllegalArgumentException("HAProxy stats CSV lacks pxname, svname or " + name + ": " + lines.get(0));
    }
    List<Row> rows = new java.util.ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      if (fields.length > wanted) {
        rows.add(new Row(fields[pxname], fields[svname], fields[wanted]));
      }
    }
    return rows;
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
