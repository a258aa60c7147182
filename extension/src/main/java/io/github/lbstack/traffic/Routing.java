package io.github.lbstack.traffic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.github.lbstack.RunningStack;
import io.github.lbstack.internal.lb.HaproxyConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single requests through the lb, each reported with where the lb sent it, for configs that route by path, host or
 * header: {@code assertThat(Routing.through(stack).get("/static/logo.png")).wentTo("static")}.
 *
 * <p>The backend is read from the lb's own counters ({@link RunningStack#lbBackendRequests()}) before and after the
 * request, each time once the lb has finished every request it received ({@link RunningStack#lbRequestsUnderWay()}),
 * so it changes nothing in the responses and a request sent just before does not count; the replica comes from
 * {@code X-Served-By}. That needs the lb to itself while a request is under way: do not route while
 * {@link Traffic} runs on the same stack. Redirects are not
 * followed: a redirect is a routing rule to assert.
 */
public final class Routing {

  /** Only a bound for an lb that never counts; the lb counts within microseconds of the response. */
  private static final Duration COUNTED_WITHIN = Duration.ofSeconds(30);

  private final RunningStack stack;
  private final RequestSpecification spec;
  private final Map<String, String> headers;

  private Routing(RunningStack stack, RequestSpecification spec, Map<String, String> headers) {
    this.stack = stack;
    this.spec = spec;
    this.headers = Map.copyOf(headers);
  }

  /**
   * @param stack the stack whose lb to send through, at the port the clients use
   * @return routing through that lb
   */
  public static Routing through(RunningStack stack) {
    return new Routing(stack, stack.lb(), Map.of());
  }

  /**
   * @param port another port the lb's config binds, such as the plain one that redirects to HTTPS
   * @return the same routing through that port
   */
  public Routing port(int port) {
    return new Routing(stack, stack.lb(port), headers);
  }

  /**
   * @param name a request header, such as {@code "Host"} for host-based routing
   * @param value its value
   * @return the same routing with that header on every request
   */
  public Routing header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Routing(stack, spec, more);
  }

  /**
   * @param path the path to GET
   * @return where the lb sent it
   */
  public Routed get(String path) {
    return request("GET", path);
  }

  /**
   * @param method the HTTP method
   * @param path the path
   * @return where the lb sent it
   * @throws IllegalStateException when more than one backend got requests meanwhile: other traffic runs through
   *     the lb
   */
  public Routed request(String method, String path) {
    // HAProxy counts a request when it has finished with it, which can be just after the client read the response:
    // a request sent just before this one (by the test itself, say) would land in this one's window.
    await("the lb done with every request before " + method + " " + path).pollInSameThread()
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(COUNTED_WITHIN)
        .until(stack::lbRequestsUnderWay, underWay -> underWay == 0);
    Map<String, Long> before = stack.lbBackendRequests();
    long sentBefore = stack.lbResponses();
    Response response = given(spec).headers(headers).redirects().follow(false).request(method, path);
    await(method + " " + path + " counted by the lb").pollInSameThread().pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20)).atMost(COUNTED_WITHIN)
        // Under way first: while a request is, the lb's page is read once per poll.
        .until(() -> stack.lbRequestsUnderWay() == 0 && stack.lbResponses() > sentBefore);
    Map<String, Long> after = stack.lbBackendRequests();
    List<String> reached = after.entrySet().stream()
        .filter(entry -> entry.getValue() > before.getOrDefault(entry.getKey(), 0L)).map(Map.Entry::getKey).toList();
    String request = method + " " + path;
    if (reached.size() > 1) {
      throw new IllegalStateException(request + ": backends " + reached + " all got requests meanwhile, so which one "
          + "got this is unknown. Other traffic runs through this lb: route while nothing else sends.");
    }
    return new Routed(request, response.statusCode(), reached.isEmpty() ? null : reached.get(0),
        response.getHeader(HaproxyConfig.SERVED_BY_HEADER), response.getHeader("Location"));
  }
}
