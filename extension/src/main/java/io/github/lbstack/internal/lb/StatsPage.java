package io.github.lbstack.internal.lb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the lb's live stats page: server states, check results and counters of the replicas' backend. */
public final class StatsPage {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final URI csv;
  private final String backend;

  /** @param backend the backend that holds the replicas */
  public StatsPage(URI csv, String backend) {
    this.csv = csv;
    this.backend = backend;
  }

  /** Server name to the sum of these numeric columns, from one read of the page. */
  public Map<String, Long> sum(String... names) {
    return read().sum(backend, names);
  }

  /** Server name to its state ({@code UP}, {@code DOWN}, {@code MAINT}...), for the replicas' backend. */
  public Map<String, String> statuses() {
    return read().serverStatuses(backend);
  }

  /** Every backend's HTTP requests since the lb started, by backend name. */
  public Map<String, Long> backendRequests() {
    return read().backendRequests();
  }

  /** The HTTP responses the lb has finished, over the config's frontends. */
  public long responsesSent() {
    return read().responsesSent();
  }

  /** The HTTP requests the lb has received and not finished, over the config's frontends, from one read. */
  public long requestsUnderWay() {
    return read().requestsUnderWay();
  }

  /** Server name to the number of requests the lb sent it. */
  public Map<String, Long> requestsServed() {
    return read().requestsServed(backend);
  }

  /** Status with the last check's result, e.g. {@code "DOWN (L4CON: Connection refused)"}, for messages. */
  public Map<String, String> explainedStatuses() {
    HaproxyStats stats = read();
    Map<String, String> statuses = stats.serverStatuses(backend);
    Map<String, String> checks = stats.column(backend, "check_status");
    Map<String, String> descriptions = stats.column(backend, "check_desc");
    Map<String, String> explained = new LinkedHashMap<>();
    statuses.forEach((server, status) -> {
      String check = checks.getOrDefault(server, "");
      String description = descriptions.getOrDefault(server, "");
      explained.put(server, status + (check.isEmpty() ? "" : " (" + check
          + (description.isEmpty() ? "" : ": " + description) + ")"));
    });
    return explained;
  }

  private HaproxyStats read() {
    return HaproxyStats.parse(fetch());
  }

  private String fetch() {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(csv).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("lb stats page answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("lb stats page did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the lb stats page", e);
    }
  }
}
