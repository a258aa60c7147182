package io.github.lbstack.samples.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * The benchmark's one definition of "ready", the same for every way of starting the stack: MySQL takes a login,
 * Redis answers PING, and the lb has served requests from every replica.
 */
final class Ready {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  static final Duration LIMIT = Duration.ofMinutes(3);

  private Ready() {}

  static void await(String jdbcUrl, String user, String password, String redisHost, int redisPort, URI lb,
      int replicas) throws InterruptedException {
    await(jdbcUrl, user, password, redisHost, redisPort, lb, replicas, "/login");
  }

  /** @param path what the lb must have served from every replica: the quickstart's {@code /login}, or a health path */
  static void await(String jdbcUrl, String user, String password, String redisHost, int redisPort, URI lb,
      int replicas, String path) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    poll(deadline, "mysql", () -> {
      try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
        return connection.isValid(1);
      }
    });
    poll(deadline, "redis", () -> {
      try (Jedis jedis = new Jedis(redisHost, redisPort)) {
        return "PONG".equals(jedis.ping());
      }
    });
    Set<String> seen = new HashSet<>();
    poll(deadline, "lb", () -> {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lb.resolve(path))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        response.headers().firstValue("X-App-Hostname").ifPresent(seen::add);
      }
      return seen.size() >= replicas;
    });
  }

  interface Check {
    boolean ok() throws Exception;
  }

  /** Polls every 50 ms until the check passes, within what is left of the shared deadline. */
  static void poll(long deadline, String what, Check check) {
    try {
      org.awaitility.Awaitility.await(what + " ready").pollInSameThread().pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50)).atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
          .ignoreExceptions().until(check::ok);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(what + " not ready within " + LIMIT, e);
    }
  }
}
