package io.github.lbstack.it.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import redis.clients.jedis.JedisPooled;

/**
 * The tiny web app lbstack's integration tests deploy. It reads the stack's env contract, prints its hostname and
 * talks to MySQL and Redis. It connects per request (health checks keep one connection), so it starts fine before its
 * backing services are ready.
 *
 * <ul>
 *   <li>{@code GET /} the hostname, also in the {@code X-Hostname} header of every response (slowly on
 *       {@code SLOW_HOST}, by {@code SLOW_MS});</li>
 *   <li>{@code GET /health} 200 when MySQL and Redis answer, 503 otherwise; with {@code SEED_KEY=k}, the first
 *       healthy answer sets {@code k} to the hostname unless set (start-up data in Redis);</li>
 *   <li>{@code POST /rows?value=v}, {@code GET /rows} rows in MySQL;</li>
 *   <li>{@code PUT /kv/<key>?value=v}, {@code GET /kv/<key>} keys in Redis;</li>
 *   <li>{@code GET /bytes/<n>} a body of n bytes;</li>
 *   <li>{@code GET /env/<NAME>} the value of an environment variable, so tests can tell stacks apart;</li>
 *   <li>{@code UNHEALTHY_HOST=web-1} ({@code *}: every replica) makes that replica's health check fail for good (a release that never becomes
 *       ready); {@code SCHEMA_VERSION=2} renames the rows' {@code value} column to {@code content} at start and uses
 *       it, as a migration that breaks the version before it;</li>
 *   <li>{@code CRASH_HOST=web-1} makes that replica exit at start, as one replica can crash where the others start
 *       (a full disk on its node, say);</li>
 *   <li>{@code POST /session} logs in: a {@code SESSION} cookie whose session lives in Redis, so any replica knows
 *       it; {@code GET /session} 200 with the replica that made it, 401 without a known session.</li>
 * </ul>
 */
public final class ItApp {

  private final String hostname;
  private final boolean postgres;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private volatile JedisPooled redis;
  /** The rows' value column: {@code SCHEMA_VERSION=2} renames it, and the version before it cannot read them. */
  private final String valueColumn;
  // The health check's state, guarded by this: only checkDependencies touches it.
  private Connection healthConnection;
  private boolean seeded;
  private boolean migrated;

  private ItApp() throws IOException {
    hostname = InetAddress.getLocalHost().getHostName();
    // DB_KIND is the JDBC sub-protocol lbstack gives: mysql or postgresql.
    postgres = env("DB_KIND", "mysql").equals("postgresql");
    jdbcUrl = postgres
        ? "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/"
            + env("DB_DATABASE", "app") + "?connectTimeout=2"
        : "jdbc:mysql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "3306") + "/"
            + env("DB_DATABASE", "app") + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=2000";
    dbUser = env("DB_USERNAME", "app");
    dbPassword = env("DB_PASSWORD", "");
    valueColumn = env("SCHEMA_VERSION", "1").equals("2") ? "content" : "value";
  }

  public static void main(String[] args) throws IOException {
    ItApp app = new ItApp();
    if (app.hostname.equals(System.getenv("CRASH_HOST"))) {
      throw new IllegalStateException("CRASH_HOST=" + app.hostname + ": this replica exits at start, as asked");
    }
    int port = Integer.parseInt(env("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", app::handle);
    server.start();
    System.out.println("it-app listening on " + port + " as " + app.hostname);
  }

  private void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("X-Hostname", hostname);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try {
      if (path.equals("/")) {
        slowDownIfAsked();
        reply(exchange, 200, hostname);
      } else if (path.equals("/health")) {
        health(exchange);
      } else if (path.equals("/rows") && method.equals("POST")) {
        insertRow(query(exchange, "value"));
        reply(exchange, 201, "written by " + hostname);
      } else if (path.equals("/rows")) {
        reply(exchange, 200, String.join("\n", rows()));
      } else if (path.startsWith("/kv/") && method.equals("PUT")) {
        redis().set(path.substring(4), query(exchange, "value"));
        reply(exchange, 204, "");
      } else if (path.equals("/session") && method.equals("POST")) {
        String id = java.util.UUID.randomUUID().toString();
        redis().setex("session:" + id, 600, hostname);
        exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + id + "; Path=/");
        reply(exchange, 201, "logged in on " + hostname);
      } else if (path.equals("/session")) {
        String cookies = String.join(";", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("SESSION=([\\w-]+)").matcher(cookies);
        String madeBy = session.find() ? redis().get("session:" + session.group(1)) : null;
        reply(exchange, madeBy == null ? 401 : 200, madeBy == null ? "no session" : "session made on " + madeBy);
      } else if (path.startsWith("/reach/")) {
        // Whether another service, at the host:port an env var names, takes a connection now.
        String address = System.getenv(path.substring(7));
        int colon = address == null ? -1 : address.lastIndexOf(':');
        if (colon < 0) {
          reply(exchange, 404, "no host:port in " + path.substring(7));
        } else {
          try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), 1000);
            reply(exchange, 200, "reached " + address);
          } catch (IOException e) {
            reply(exchange, 503, "cannot reach " + address + ": " + e);
          }
        }
      } else if (path.startsWith("/bytes/")) {
        // A response of a given size, for bandwidth limits to show in its latency.
        reply(exchange, 200, "x".repeat(Integer.parseInt(path.substring(7))));
      } else if (path.startsWith("/header/")) {
        // What a request carried when it got here: proves an lb's header rules.
        String value = exchange.getRequestHeaders().getFirst(path.substring(8));
        reply(exchange, value == null ? 404 : 200, value == null ? "" : value);
      } else if (path.startsWith("/env/")) {
        String value = System.getenv(path.substring(5));
        reply(exchange, value == null ? 404 : 200, value == null ? "" : value);
      } else if (path.startsWith("/kv/")) {
        String value = redis().get(path.substring(4));
        reply(exchange, value == null ? 404 : 200, value == null ? "" : value);
      } else {
        reply(exchange, 404, "no route " + method + " " + path);
      }
    } catch (Exception e) {
      reply(exchange, 500, e.toString());
    }
  }

  /** SLOW_HOST=web-2 and SLOW_MS=300 make web-2 answer GET / slowly, for least-connection tests. */
  private void slowDownIfAsked() throws InterruptedException {
    if (hostname.equals(System.getenv("SLOW_HOST"))) {
      // Time is the subject: a replica that answers slowly, for the balancing algorithm to notice.
      Thread.sleep(Long.parseLong(env("SLOW_MS", "0")));
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    String unhealthy = System.getenv("UNHEALTHY_HOST");
    if (hostname.equals(unhealthy) || "*".equals(unhealthy)) {
      reply(exchange, 503, "not ready: UNHEALTHY_HOST=" + hostname);
      return;
    }
    try {
      checkDependencies();
      reply(exchange, 200, "ok");
    } catch (Exception e) {
      reply(exchange, 503, "not ready: " + e);
    }
  }

  /**
   * The database and Redis answer, on connections kept between checks as an app's pools keep them. A connection per
   * check cost PostgreSQL a new process and a login twice a second per replica; on a loaded machine those logins
   * outlasted the lb's 2 s check timeout on every replica at once, and the lb took them all out. A kept connection
   * that fails is dropped, and the next check logs in again.
   */
  private synchronized void checkDependencies() throws SQLException {
    if (healthConnection == null) {
      // A paused or cut-off database fails the check instead of holding this thread (and the lock) for good.
      healthConnection = connect(2);
    }
    try {
      // Closed each time: on a kept connection, MySQL's driver holds every statement left open until the end.
      try (java.sql.Statement ping = healthConnection.createStatement()) {
        ping.execute("SELECT 1");
      }
      migrate(healthConnection);
      redis().ping();
      // An app's start-up data, written before the replica first reports healthy.
      String seedKey = System.getenv("SEED_KEY");
      if (seedKey != null && !seeded) {
        redis().setnx(seedKey, hostname);
        seedRows(healthConnection);
        seeded = true;
      }
    } catch (SQLException e) {
      try {
        healthConnection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      healthConnection = null;
      throw e;
    }
  }

  /**
   * An app's reference data, as apps fill such tables at start: the first replica to get here makes the table and
   * its rows, the others find them there.
   */
  private void seedRows(Connection connection) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS app_seed (name VARCHAR(50) PRIMARY KEY)");
      for (String name : List.of("small", "medium", "large")) {
        try {
          statement.execute("INSERT INTO app_seed VALUES ('" + name + "')");
        } catch (SQLException alreadyThere) {
          // Another replica seeded it first: the rows are what matters, not who wrote them.
        }
      }
    }
  }

  /** Version 2's migration, run before its first healthy answer, as an app runs Flyway at start. */
  private void migrate(Connection connection) throws SQLException {
    if (migrated || valueColumn.equals("value")) {
      return;
    }
    createRows(connection);
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE it_rows RENAME COLUMN value TO content");
    } catch (SQLException renamedAlready) {
      // Another replica of version 2 ran it first.
    }
    migrated = true;
  }

  private void createRows(Connection connection) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS it_rows (id " + (postgres ? "SERIAL" : "INT AUTO_INCREMENT")
          + " PRIMARY KEY, " + valueColumn + " VARCHAR(200) NOT NULL, written_by VARCHAR(100) NOT NULL)");
    }
  }

  /**
   * A connection for one request. Its reads time out, as a pool's would: under packet loss to the database
   * (NetworkFaultsIT), a lost packet of the login could leave the driver waiting for the server's greeting, and the
   * request, and the test that sent it, waiting for good.
   */
  private Connection requestConnection() throws SQLException {
    return connect(10);
  }

  /** A connection whose reads time out after {@code seconds} (PostgreSQL's driver counts seconds, MySQL's ms). */
  private Connection connect(int seconds) throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", dbUser);
    properties.setProperty("password", dbPassword);
    properties.setProperty("socketTimeout", String.valueOf(postgres ? seconds : seconds * 1000));
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  private void insertRow(String value) throws SQLException {
    try (Connection connection = requestConnection()) {
      createRows(connection);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO it_rows (" + valueColumn + ", written_by) VALUES (?, ?)")) {
        insert.setString(1, value);
        insert.setString(2, hostname);
        insert.executeUpdate();
      }
    }
  }

  private List<String> rows() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = requestConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT " + valueColumn
            + " FROM it_rows ORDER BY id")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private JedisPooled redis() {
    if (redis == null) {
      synchronized (this) {
        if (redis == null) {
          redis = new JedisPooled(env("REDIS_HOST", "localhost"), Integer.parseInt(env("REDIS_PORT", "6379")));
        }
      }
    }
    return redis;
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] parts = pair.split("=", 2);
        if (parts[0].equals(name) && parts.length == 2) {
          return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException("missing query parameter " + name);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (status != 204) {
        out.write(bytes);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
