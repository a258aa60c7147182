package io.github.lbstack.internal.lb;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The lb's control on nginx open source, which has no Runtime API, no active health checks and no per-server
 * counters. lbstack keeps the view itself:
 * <ul>
 *   <li>a slot is in rotation when lbstack has put it in the upstream: its state is {@code ready} and lbstack's own
 *       check, made through the lb ({@link NginxConfig#CHECK_PATH}), answered. A slot whose check fails leaves the
 *       upstream at the next look, as a failed HAProxy check takes a server out; between looks nginx's passive
 *       detection ({@code max_fails}, {@code proxy_next_upstream}) sends requests around it;</li>
 *   <li>a change of the upstream is a rewrite of its file and a graceful reload ({@code nginx -s reload}), and it is
 *       applied once the control server answers the new generation;</li>
 *   <li>draining is the reload itself: old workers finish what they have in flight, and a draining slot has open
 *       sessions while any old worker is still shutting down;</li>
 *   <li>requests per server, failures and backends come from lbstack's access log, read on from where it left off.</li>
 * </ul>
 */
public final class NginxControl implements LbControl {

  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RELOAD_LIMIT = Duration.ofSeconds(30);
  /** How long nginx leaves out a server after a failed request before it tries it again. */
  private static final Duration FAIL_TIMEOUT = Duration.ofSeconds(2);

  private final Container lb;
  private final Supplier<Endpoint> control;
  private final Duration checkLimit;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  /** Slot to {@code ready}, {@code drain} or {@code maint}, in slot order. */
  private final Map<String, String> states = new LinkedHashMap<>();
  /** Slot to the last check's outcome, for messages. */
  private final Map<String, String> checks = new LinkedHashMap<>();
  /** What the upstream holds now: slot to address. */
  private Map<String, String> applied = Map.of();
  private long generation;
  private final AccessLog log = new AccessLog();

  /**
   * @param checkTimeout how long nginx gives a replica to connect and to answer its check; lbstack waits for nginx's
   *     verdict a little longer than both
   */
  public NginxControl(Container lb, Supplier<Endpoint> control, List<LbServer> servers, Duration checkTimeout) {
    this.lb = lb;
    this.control = control;
    this.checkLimit = checkTimeout.multipliedBy(2).plusSeconds(5);
    servers.forEach(server -> states.put(server.name(), server.enabled() ? "ready" : "maint"));
  }

  @Override
  public synchronized Map<String, String> statuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    explainedStatuses().forEach((server, status) -> statuses.put(server, status.split(" ", 2)[0]));
    return statuses;
  }

  @Override
  public synchronized Map<String, String> explainedStatuses() {
    refresh();
    Map<String, String> statuses = new LinkedHashMap<>();
    states.forEach((server, state) -> statuses.put(server, switch (state) {
      case "maint" -> "MAINT";
      case "drain" -> "DRAIN";
      default -> applied.containsKey(server) ? "UP"
          : "DOWN (" + checks.getOrDefault(server, "not checked yet") + ")";
    }));
    return statuses;
  }

  @Override
  public synchronized void setState(String server, String state) {
    if (!states.containsKey(server)) {
      throw new IllegalArgumentException("no server " + server + " in the lb's upstream: it has " + states.keySet());
    }
    states.put(server, state);
    Map<String, String> wanted = new LinkedHashMap<>(applied);
    wanted.remove(server);
    if (state.equals("ready")) {
      check(server).ifPresent(address -> wanted.put(server, address));
    }
    applyIfChanged(wanted);
  }

  /** Out of the upstream, where nginx sends nothing; lbstack's own check through the lb tells when it would serve. */
  @Override
  public synchronized void stage(String server) {
    setState(server, "drain");
  }

  @Override
  public synchronized boolean areStaged(java.util.Collection<String> servers) {
    // nginx open source has no status to read: lbstack's own check, server by server, stopping at the first miss.
    return servers.stream().allMatch(server -> check(server).isPresent());
  }

  /** One upstream rewrite and one reload: the new workers have only {@code in}, the old finish what they have. */
  @Override
  public synchronized void switchOver(java.util.Collection<String> in, java.util.Collection<String> out) {
    Map<String, String> wanted = new LinkedHashMap<>(applied);
    for (String server : out) {
      states.put(server, "drain");
      wanted.remove(server);
    }
    for (String server : in) {
      states.put(server, "ready");
      String address = check(server).orElseThrow(() -> new IllegalStateException("nginx cannot switch to " + server
          + ": " + checks.get(server)));
      wanted.put(server, address);
    }
    applyIfChanged(wanted);
  }

  @Override
  public synchronized Map<String, Long> openSessions() {
    long retiring = states.containsValue("drain") ? retiringWorkers() : 0;
    Map<String, Long> open = new LinkedHashMap<>();
    states.forEach((server, state) -> open.put(server, state.equals("drain") ? retiring : 0L));
    return open;
  }

  @Override
  public synchronized Map<String, Long> requestsServed() {
    readLog();
    return perSlot(log.served);
  }

  @Override
  public synchronized Map<String, Long> failedResponses() {
    readLog();
    return perSlot(log.failed);
  }

  /** Every slot, as HAProxy's stats list them, with its count or 0. */
  private Map<String, Long> perSlot(Map<String, Long> counts) {
    Map<String, Long> perSlot = new LinkedHashMap<>();
    states.keySet().forEach(server -> perSlot.put(server, counts.getOrDefault(server, 0L)));
    counts.forEach(perSlot::putIfAbsent);
    return perSlot;
  }

  @Override
  public synchronized Map<String, Long> backendRequests() {
    readLog();
    Map<String, Long> backends = new LinkedHashMap<>();
    backends.put(NginxConfig.BACKEND, 0L);
    backends.putAll(log.backends);
    return backends;
  }

  @Override
  public synchronized long responsesSent() {
    readLog();
    return log.responses;
  }

  /**
   * Always 0: lbstack counts nginx's requests from its access log, which has a line only for a finished request,
   * and nginx's own count of requests (stub_status) includes lbstack's checks on the control port.
   */
  @Override
  public long requestsUnderWay() {
    return 0;
  }

  /** Checks every ready slot and puts the upstream in line with what answered. */
  private void refresh() {
    Map<String, String> wanted = new LinkedHashMap<>();
    states.forEach((server, state) -> {
      if (state.equals("ready")) {
        check(server).ifPresent(address -> wanted.put(server, address));
      }
    });
    applyIfChanged(wanted);
  }

  /** lbstack's check of one slot through the lb: the address nginx reached it at, or empty when it did not answer. */
  private java.util.Optional<String> check(String server) {
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri(NginxConfig.CHECK_PATH + server))
          .timeout(checkLimit).build(), HttpResponse.BodyHandlers.discarding());
      String address = response.headers().firstValue(NginxConfig.CHECKED_ADDRESS_HEADER).orElse("");
      if (response.statusCode() >= 200 && response.statusCode() < 400 && !address.isBlank()) {
        checks.put(server, "check passed");
        // Retried addresses are listed before the one that answered.
        String[] tried = address.split(",\\s*");
        return java.util.Optional.of(tried[tried.length - 1]);
      }
      checks.put(server, "check: HTTP " + response.statusCode() + (response.statusCode() == 502
          ? ", not found by Docker's DNS or refused" : response.statusCode() == 504 ? ", no answer in time" : ""));
    } catch (java.io.IOException e) {
      checks.put(server, "check: the lb's control port did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checks.put(server, "check interrupted");
    }
    return java.util.Optional.empty();
  }

  private void applyIfChanged(Map<String, String> wanted) {
    Map<String, String> ordered = new LinkedHashMap<>();
    states.keySet().stream().filter(wanted::containsKey).forEach(server -> ordered.put(server, wanted.get(server)));
    if (!ordered.equals(applied)) {
      apply(ordered);
    }
  }

  /** Writes the upstream, reloads gracefully, and returns once the new workers run it. */
  private void apply(Map<String, String> servers) {
    long next = generation + 1;
    StringBuilder script = new StringBuilder("set -e\n");
    Map<String, String> files = NginxConfig.files(servers, next, FAIL_TIMEOUT);
    files.forEach((path, text) -> script.append("echo '")
        .append(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
        .append("' | base64 -d > ").append(path).append(".new\n"));
    files.keySet().forEach(path -> script.append("mv ").append(path).append(".new ").append(path).append('\n'));
    script.append("nginx -t -q\nnginx -s reload\n");
    Container.Exec result = lb.exec(List.of("sh", "-c", script.toString()), EXEC_TIMEOUT);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("nginx did not take the upstream " + servers + " (exit " + result.exitCode()
          + "): " + result.output().strip());
    }
    try {
      await("nginx running upstream generation " + next).pollInSameThread().pollInterval(Duration.ofMillis(50))
          .atMost(RELOAD_LIMIT).ignoreExceptions().until(() -> String.valueOf(next).equals(generationRunning()));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("nginx did not run lbstack's new upstream within " + RELOAD_LIMIT.toSeconds()
          + " s of its reload; its log ends: " + tail(lb.logs()), e);
    }
    generation = next;
    applied = Map.copyOf(servers);
  }

  private String generationRunning() throws java.io.IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(NginxConfig.GENERATION_PATH)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body().strip();
  }

  /** Old workers that a reload told to finish what they have in flight and exit. */
  private long retiringWorkers() {
    // The bracket keeps grep from finding its own command line.
    Container.Exec result = lb.exec(List.of("sh", "-c",
        "grep -l '[s]hutting down' /proc/[0-9]*/cmdline 2>/dev/null | wc -l"), EXEC_TIMEOUT);
    try {
      return Long.parseLong(result.output().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("could not count nginx's retiring workers: " + result.output().strip(), e);
    }
  }

  private void readLog() {
    Container.Exec result = lb.exec(List.of("tail", "-c", "+" + (log.offset + 1), NginxConfig.ACCESS_LOG),
        EXEC_TIMEOUT);
    if (result.exitCode() == 0) {
      log.read(result.output());
    }
  }

  private URI uri(String path) {
    return control.get().http(path);
  }

  private static String tail(String logs) {
    String[] lines = logs.strip().split("\n");
    return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 10), lines.length));
  }

  /** The counters of lbstack's access log lines ({@code lbstack-access <backend> <server> <status>}). */
  static final class AccessLog {
    long offset;
    long responses;
    final Map<String, Long> served = new LinkedHashMap<>();
    final Map<String, Long> failed = new LinkedHashMap<>();
    final Map<String, Long> backends = new LinkedHashMap<>();

    /** Counts the complete lines of what follows the offset; a partial last line waits for the next read. */
    void read(String text) {
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return;
      }
      String complete = text.substring(0, end + 1);
      offset += complete.getBytes(StandardCharsets.UTF_8).length;
      for (String line : complete.split("\n")) {
        String[] fields = line.strip().split(" ");
        if (fields.length < 4 || !fields[0].equals(NginxConfig.ACCESS_MARK)) {
          continue;
        }
        responses++;
        if (!fields[1].equals("-")) {
          backends.merge(fields[1], 1L, Long::sum);
        }
        if (!fields[2].equals("-")) {
          served.merge(fields[2], 1L, Long::sum);
          if (fields[3].startsWith("5")) {
            failed.merge(fields[2], 1L, Long::sum);
          }
        }
      }
    }
  }
}
