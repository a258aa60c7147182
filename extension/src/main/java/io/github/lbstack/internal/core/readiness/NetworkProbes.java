package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** The real probes: a JDBC login, a Redis PING, an HTTP GET, and HAProxy's stats page and Runtime API. */
public final class NetworkProbes implements Probes {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REACHABLE_WITHIN = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** JDBC URL of a stack's database, reachable from the test JVM. */
  public static String jdbcUrl(DatabaseKind kind, Endpoint endpoint, String database) {
    return kind.jdbcUrl(endpoint.toString(), database);
  }

  /** A login as the stack's user, which only works once the database and its users exist. */
  @Override
  public ReadinessCheck database(DatabaseKind kind, Container database, WebEnvironment.Secrets secrets) {
    return () -> {
      Properties properties = new Properties();
      properties.setProperty("user", secrets.user());
      properties.setProperty("password", secrets.password());
      properties.setProperty("connectTimeout", String.valueOf(TIMEOUT.toMillis()));
      String url = jdbcUrl(kind, database.endpoint(kind.port()), secrets.database());
      try (Connection connection = DriverManager.getConnection(url, properties)) {
        if (!connection.isValid((int) TIMEOUT.toSeconds())) {
          throw new NotReadyException("JDBC connection is not valid yet");
        }
      }
    };
  }

  @Override
  public ReadinessCheck redis(Container redis) {
    return () -> {
      Endpoint endpoint = redis.endpoint(WebEnvironment.REDIS_PORT);
      DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis((int) TIMEOUT.toMillis())
          .socketTimeoutMillis((int) TIMEOUT.toMillis())
          .build();
      try (Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config)) {
        String reply = jedis.ping();
        if (!"PONG".equals(reply)) {
          throw new NotReadyException("PING answered " + reply);
        }
      }
    };
  }

  @Override
  public ReadinessCheck port(Container container, int port) {
    return () -> {
      Endpoint endpoint = container.endpoint(port);
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(endpoint.host(), endpoint.port()), (int) TIMEOUT.toMillis());
      } catch (java.io.IOException e) {
        throw new NotReadyException("container port " + port + " (" + endpoint + ") accepts no connection yet: "
            + e.getMessage());
      }
    };
  }

  @Override
  public ReadinessCheck http(Container web, int port, String path) {
    return () -> {
      // The address as seen at start, without a platform call per poll.
      URI uri = web.endpoint(port).http(path);
      HttpResponse<String> response;
      try {
        response = HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        // Also what a port the app does not listen on looks like, so the message says which port was asked.
        throw new NotReadyException("nothing answered HTTP on container port " + port + " (" + e.getClass()
            .getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); if the app is up, is "
            + "@Web(port) the port it listens on?");
      }
      if (response.statusCode() >= 400) {
        throw new NotReadyException("GET " + path + " answered " + response.statusCode());
      }
    };
  }

  private final Connector connector;
  private final Duration reachableWithin;

  public NetworkProbes() {
    this(NetworkProbes::connect, REACHABLE_WITHIN);
  }

  /** With another way to connect, for tests of how failures are told apart. */
  public NetworkProbes(Connector connector, Duration reachableWithin) {
    this.connector = connector;
    this.reachableWithin = reachableWithin;
  }

  @Override
  public Reach awaitReachable(Endpoint endpoint) throws NotReachableException {
    long deadline = System.nanoTime() + reachableWithin.toNanos();
    java.io.IOException last;
    do {
      try {
        connector.connect(endpoint);
        return Reach.LISTENING;
      } catch (java.io.IOException e) {
        if (isRefused(e)) {
          return Reach.NOT_LISTENING_YET;
        }
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotReachableException("interrupted while connecting to " + endpoint);
      }
    } while (System.nanoTime() < deadline);
    throw new NotReachableException("cannot connect to " + endpoint + " (" + last.getClass().getSimpleName() + ": "
        + last.getMessage() + ")");
  }

  /** Opens and closes one TCP connection; the seam lets tests raise the failures a real network gives. */
  @FunctionalInterface
  interface Connector {
    void connect(Endpoint endpoint) throws java.io.IOException;
  }

  private static void connect(Endpoint endpoint) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
    }
  }

  /**
   * A refusal (ECONNREFUSED) is an answer from the engine's host. Java raises a plain {@link java.net.ConnectException}
   * for it and for an unreachable network too, so the message tells them apart; no route to host has its own type.
   */
  static boolean isRefused(java.io.IOException e) {
    return e.getClass() == java.net.ConnectException.class && e.getMessage() != null
        && e.getMessage().startsWith("Connection refused");
  }

  @Override
  public LbControl lb(Container lb, LbConfig config) {
    return config.kind().balancer().control(lb, config);
  }
}
