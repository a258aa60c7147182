package io.github.lbstack.traffic;

import static io.restassured.RestAssured.given;

import io.github.lbstack.LbOf;
import io.github.lbstack.RunningStack;
import io.github.lbstack.internal.lb.HaproxyConfig;
import io.github.lbstack.internal.report.RequestRuns;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.QueryableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.SpecificationQuerier;
import java.util.LinkedHashSet;
import java.time.Duration;
import java.util.Set;

/**
 * Sends GET requests through a load balancer and records, for each, which replica served it, whether it failed
 * (a status outside 2xx/3xx, or an exception) and how long it took.
 *
 * <pre>{@code
 * Distribution served = Traffic.through(stack).clients(4).send(200);
 *
 * try (TrafficRun traffic = Traffic.through(stack).clients(4).start()) {
 *   stack.replica(2).kill();
 *   traffic.awaitRequests(50);
 *   Distribution during = traffic.stop();
 * }
 * }</pre>
 */
public final class Traffic {

  private final RequestSpecification spec;
  private final Set<String> replicas;
  /** Hostname to the version it runs, asked when each response arrives: a rollout changes it under traffic. */
  private final java.util.function.UnaryOperator<String> versionOf;
  private String path = "/";
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
  private String identityHeader = HaproxyConfig.SERVED_BY_HEADER;
  private int clients = 1;
  private boolean keepCookies;

  /** The stack's id, for the run report; {@code null} for traffic through anything else. */
  private final String stackId;

  private Traffic(RequestSpecification spec, Set<String> replicas, java.util.function.UnaryOperator<String> versionOf,
      String stackId) {
    this.spec = spec;
    this.replicas = replicas;
    this.versionOf = versionOf;
    this.stackId = stackId;
  }

  /**
   * Traffic through a stack's load balancer. The distribution knows which replicas the lb has in rotation now, so
   * {@code isRoundRobin()} and {@code coversAllReplicas()} can tell when one of them served nothing.
   *
   * @param stack a started stack
   * @return traffic through its load balancer, one client, GET {@code /}
   */
  public static Traffic through(RunningStack stack) {
    return new Traffic(stack.lb(), inRotation(stack), stack::versionOf, stack.id());
  }

  private static Set<String> inRotation(RunningStack stack) {
    Set<String> inRotation = new LinkedHashSet<>();
    stack.lbStatuses().forEach((replica, status) -> {
      if ("UP".equals(status)) {
        inRotation.add(replica);
      }
    });
    return inRotation;
  }

  /**
   * Traffic through any specification, usually the injected load balancer one. A specification from
   * {@link RunningStack#lb()} carries its stack, so the distribution knows the replicas in rotation, as with
   * {@link #through(RunningStack)}; any other knows none, and assertions that need them say so.
   *
   * @param spec a request specification, usually the injected lb one
   * @return traffic through it, one client, GET {@code /}
   */
  public static Traffic through(RequestSpecification spec) {
    QueryableRequestSpecification query = SpecificationQuerier.query(spec);
    return query.getDefinedFilters().stream().filter(LbOf.class::isInstance).map(LbOf.class::cast).findFirst()
        .map(lb -> new Traffic(spec, inRotation(lb.stack()), lb.stack()::versionOf, lb.stack().id()))
        .orElseGet(() -> new Traffic(spec, Set.of(), replica -> null, null));
  }

  /**
   * The path to GET; default {@code /}.
   *
   * @param path the path, such as {@code "/"}
   * @return this traffic, for chaining
   */
  public Traffic path(String path) {
    this.path = path;
    return this;
  }

  /**
   * A header on every request, for lb configs that route by it: {@code header("Host", "shop.example")} for
   * host-based routing. Calling it again with another name adds that header too.
   *
   * @param name the request header's name
   * @param value its value
   * @return this traffic, for chaining
   */
  public Traffic header(String name, String value) {
    this.headers.put(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * The response header that names the replica; default the lb's {@code X-Served-By}.
   *
   * @param header the response header's name
   * @return this traffic, for chaining
   */
  public Traffic identifiedBy(String header) {
    this.identityHeader = header;
    return this;
  }

  /**
   * How many clients send at once; default 1, which sends strictly one request after another.
   *
   * @param clients how many clients, 1 or more
   * @return this traffic, for chaining
   */
  public Traffic clients(int clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients = " + clients + ": use 1 or more");
    }
    this.clients = clients;
    return this;
  }

  /**
   * Each client keeps the cookies it is given, as a browser does (needed for cookie stickiness).
   *
   * @return this traffic, for chaining
   */
  public Traffic keepCookies() {
    this.keepCookies = true;
    return this;
  }

  /**
   * Sends {@code count} requests in all, spread over the clients, and returns once all have completed.
   *
   * @param count how many requests
   * @return every request, in the order they were sent
   */
  public Distribution send(int count) {
    return new TrafficRun(clients, number -> number < count, this::client, replicas, this::report).join();
  }

  /**
   * Sends requests until {@code duration} has passed. For a window that should end when a step of the test ends
   * (a scaling, a drill), use {@link #start()} instead: a fixed duration is too short on a slow machine.
   *
   * @param duration how long to send
   * @return every request, in the order they were sent
   */
  public Distribution sendFor(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    return new TrafficRun(clients, number -> System.nanoTime() < end, this::client, replicas, this::report).join();
  }

  /**
   * Starts sending in the background until {@link TrafficRun#stop()}; see {@link TrafficRun}.
   *
   * @return the running traffic, to wait on and to stop
   */
  public TrafficRun start() {
    return new TrafficRun(clients, number -> true, this::client, replicas, this::report);
  }

  /** A run through a stack goes into the run report, under the class that sent it. */
  private void report(Distribution run) {
    if (stackId != null) {
      RequestRuns.record(stackId, "Traffic, " + clients + (clients == 1 ? " client" : " clients") + ", GET " + path,
          run.requests().stream().map(request -> new RequestRuns.Sample(request.startNanos(), request.latencyNanos(),
              request.replica(), request.failed())).toList());
    }
  }

  /** One client: it sends one request per call, keeping its own cookies when asked to. */
  private java.util.function.Supplier<Served> client(int number) {
    CookieFilter cookies = keepCookies ? new CookieFilter() : null;
    return () -> request(number, cookies);
  }

  private Served request(int client, CookieFilter cookies) {
    long start = System.nanoTime();
    try {
      RequestSpecification request = given(spec).headers(headers);
      if (cookies != null) {
        request.filter(cookies);
      }
      Response response = request.get(path);
      long latency = System.nanoTime() - start;
      String replica = response.getHeader(identityHeader);
      int status = response.statusCode();
      String error = status < 200 || status >= 400 ? "status " + status
          : replica == null ? "no " + identityHeader + " header" : null;
      return new Served(replica, status, error, start, latency, replica == null ? null : versionOf.apply(replica),
          client);
    } catch (Exception e) {
      // REST-assured rethrows I/O errors unwrapped, checked or not: each is this request's failure, not the run's.
      return new Served(null, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), start,
          System.nanoTime() - start, null, client);
    }
  }
}
