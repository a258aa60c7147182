package io.github.lbstack.traffic;

import io.github.lbstack.RunningStack;
import io.github.lbstack.internal.report.RequestRuns;
import io.github.lbstack.internal.lb.HaproxyConfig;
import io.github.lbstack.internal.tls.RunCertificates;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An open-model load: requests start at a constant rate, on schedule, whether or not earlier ones have answered, so
 * a slow replica cannot hide its latency by slowing the sender (coordinated omission). Each request's latency runs
 * from the moment it was due, and is recorded per replica and overall in HdrHistogram.
 *
 * <pre>{@code
 * try (LoadRun load = Load.through(stack).rate(100).start()) {
 *   load.awaitCompleted(200);
 *   long killed = System.nanoTime();
 *   stack.replica(2).kill().awaitDown();
 *   load.awaitCompleted(200);
 *   LoadResult result = load.stop();
 *   assertThat(result).hasNoErrors().p99IsBelow(Duration.ofMillis(300));
 *   assertThat(result.dueSince(killed)).p99IsBelow(Duration.ofMillis(300));
 * }
 * }</pre>
 *
 * <p>Use {@link Traffic} to check where requests went, one after another; use {@code Load} to check latency under a
 * given rate.
 */
public final class Load {

  /** Headers the JDK's HTTP client, which sends the load, sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final URI base;
  private final RunningStack stack;
  private String path = "/";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String identityHeader = HaproxyConfig.SERVED_BY_HEADER;
  private int rate = 50;

  private Load(RunningStack stack) {
    this.stack = stack;
    this.base = stack.lbUri();
  }

  /**
   * Load through a stack's load balancer: GET {@code /} at 50 requests per second.
   *
   * @param stack a started stack
   * @return load through its load balancer
   */
  public static Load through(RunningStack stack) {
    return new Load(Objects.requireNonNull(stack, "stack"));
  }

  /**
   * The path to GET; default {@code /}.
   *
   * @param path an absolute path, such as {@code "/"}
   * @return this load, for chaining
   */
  public Load path(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("Load.path(\"" + path + "\"): use an absolute path, such as \"/\"");
    }
    this.path = path;
    return this;
  }

  /**
   * A header on every request.
   *
   * @param name the header's name
   * @param value its value
   * @return this load, for chaining
   */
  public Load header(String name, String value) {
    Objects.requireNonNull(name, "name");
    if (RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("Load cannot send a " + name + " header: the JDK's HTTP client it sends "
          + "with sets Host, Connection, Content-Length, Expect and Upgrade itself. For host-based routing, send "
          + "Traffic.through(stack).header(\"Host\", ...), which sends such headers as given");
    }
    headers.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * The response header that names the replica; default the lb's {@code X-Served-By}.
   *
   * @param header the response header's name
   * @return this load, for chaining
   */
  public Load identifiedBy(String header) {
    this.identityHeader = Objects.requireNonNull(header, "header");
    return this;
  }

  /**
   * Requests started per second, on schedule; default 50.
   *
   * @param perSecond 1 to 10000
   * @return this load, for chaining
   */
  public Load rate(int perSecond) {
    if (perSecond < 1 || perSecond > 10_000) {
      throw new IllegalArgumentException("Load.rate(" + perSecond + "): use 1 to 10000 requests per second");
    }
    this.rate = perSecond;
    return this;
  }

  /** A run goes into the run report, under the class that sent it. */
  private void report(LoadResult result) {
    RequestRuns.record(stack.id(), "Load, " + rate + "/s, GET " + path, result.samples().stream()
        .map(sample -> new RequestRuns.Sample(sample.dueNanos(), sample.latencyNanos(), sample.replica(),
            sample.failed())).toList());
  }

  /**
   * Starts the load in the background until {@link LoadRun#stop()}.
   *
   * @return the running load, to wait on and to stop
   */
  public LoadRun start() {
    Set<String> inRotation = new LinkedHashSet<>();
    stack.lbStatuses().forEach((replica, status) -> {
      if ("UP".equals(status)) {
        inRotation.add(replica);
      }
    });
    return new LoadRun(base.resolve(path), headers, identityHeader, rate,
        "https".equals(base.getScheme()) ? RunCertificates.get().trustStore() : null, stack::versionOf,
        inRotation, this::report);
  }
}
