package io.github.lbstack.docker;

import io.github.lbstack.lb.StatsPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Readiness checks; each throws, saying why, while its service is not ready. */
final class Probes {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private Probes() {}

  /** A JDBC login as the stack's user, which only works once the database and its users exist. */
  static Service.ReadinessCheck jdbcLogin(String url, String user, String password) {
    return () -> {
      Properties properties = new Properties();
      properties.setProperty("user", user);
      properties.setProperty("password", password);
      properties.setProperty("connectTimeout", String.valueOf(TIMEOUT.toMillis()));
      try (Connection connection = DriverManager.getConnection(url, properties)) {
        if (!connection.isValid((int) TIMEOUT.toSeconds())) {
          throw new NotReadyException("JDBC connection is not valid yet");
        }
      }
    };
  }

  static Service.ReadinessCheck redisPing(String host, int port) {
    return () -> {
      DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis((int) TIMEOUT.toMillis())
          .socketTimeoutMillis((int) TIMEOUT.toMillis())
          .build();
      try (Jedis jedis = new Jedis(new HostAndPort(host, port), config)) {
        String reply = jedis.ping();
        if (!"PONG".equals(reply)) {
          throw new NotReadyException("PING answered " + reply);
        }
      }
    };
  }

  /** A service's address on the host, read live from Docker (a restarted container gets a new host port). */
  static URI liveUri(Service service, int containerPort) {
    var bindings = org.testcontainers.DockerClientFactory.instance().client()
        .inspectContainerCmd(service.container().getContainerId()).exec().getNetworkSettings().getPorts()
        .getBindings().get(com.github.dockerjava.api.model.ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException(service.name() + " has no published port " + containerPort);
    }
    return URI.create("http://" + service.container().getHost() + ":" + bindings[0].getHostPortSpec());
  }

  /** The app answers its health path directly, with a 2xx or 3xx, as HAProxy's check requires. */
  static Service.ReadinessCheck http(URI uri) {
    return () -> {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new NotReadyException("GET " + uri.getPath() + " answered " + response.statusCode());
      }
    };
  }

  /** The load balancer's stats page lists every expected server, and each one is UP. */
  static Service.ReadinessCheck allServersUp(StatsPage stats, java.util.List<String> servers) {
    return () -> {
      Map<String, String> statuses = stats.statuses();
      var notUp = servers.stream().filter(server -> !"UP".equals(statuses.get(server)))
          .map(server -> server + "=" + statuses.getOrDefault(server, "missing")).toList();
      if (!notUp.isEmpty()) {
        throw new NotReadyException("servers not UP: " + String.join(", ", notUp));
      }
    };
  }
}
