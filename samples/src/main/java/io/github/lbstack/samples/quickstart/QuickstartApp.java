package io.github.lbstack.samples.quickstart;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * The quickstart task list: register, log in, keep a list of tasks. Users and tasks live in the database (MySQL or
 * PostgreSQL, by {@code DB_KIND}), sessions and the cache in Redis, so any replica can serve any request. Every page shows, and every response's
 * {@value #HOSTNAME_HEADER} header carries, the hostname of the replica that served it.
 */
public final class QuickstartApp {

  /** The app's own header naming the replica (the lb adds its own {@code X-Served-By}). */
  public static final String HOSTNAME_HEADER = "X-App-Hostname";

  private static final Logger LOG = LoggerFactory.getLogger(QuickstartApp.class);

  private final String hostname;
  private final Store store;
  private final Sessions sessions;
  private final JedisPooled redis;

  private QuickstartApp(String hostname, Store store, Sessions sessions, JedisPooled redis) {
    this.hostname = hostname;
    this.store = store;
    this.sessions = sessions;
    this.redis = redis;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--cds-training")) {
      CdsTraining.run();
      return;
    }
    long start = System.nanoTime();
    Settings settings = Settings.fromEnvironment();
    String hostname = InetAddress.getLocalHost().getHostName();

    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(settings.jdbcUrl());
    pool.setUsername(settings.dbUsername());
    pool.setPassword(settings.dbPassword());
    pool.setMaximumPoolSize(5);
    pool.setConnectionTimeout(2000);
    // Replicas may start before the database; the pool must not give up at once.
    pool.setInitializationFailTimeout(-1);
    HikariDataSource db = new HikariDataSource(pool);

    // Flyway takes a database lock, so three replicas starting at once run each migration exactly once. FLYWAY_*
    // variables tune it as they tune Flyway's CLI: FLYWAY_BASELINE_ON_MIGRATE=true and FLYWAY_BASELINE_VERSION=0
    // let it migrate a database whose scripts already made tables (lbstack's databaseInit).
    Flyway.configure().locations(settings.migrations()).envVars().dataSource(db).connectRetries(120).connectRetriesInterval(1).load().migrate();
    JedisPooled redis = new JedisPooled(settings.redisHost(), settings.redisPort());

    QuickstartApp app = new QuickstartApp(hostname, new Store(db), new Sessions(redis), redis);
    Javalin server = Javalin.create(config -> config.showJavalinBanner = false);
    app.routes(server);
    server.start(settings.port());
    LOG.info("quickstart ready on port {} as {} in {} ms", settings.port(), hostname,
        (System.nanoTime() - start) / 1_000_000);
  }

  private void routes(Javalin server) {
    server.before(ctx -> ctx.header(HOSTNAME_HEADER, hostname));
    server.get("/health", this::health);
    server.get("/", ctx -> ctx.redirect(currentUser(ctx).isPresent() ? "/tasks" : "/login", HttpStatus.SEE_OTHER));
    server.get("/login", ctx -> ctx.html(Pages.login(hostname, null)));
    server.post("/login", this::login);
    server.get("/register", ctx -> ctx.html(Pages.register(hostname, null)));
    server.post("/register", this::register);
    server.post("/logout", this::logout);
    server.get("/tasks", signedIn(this::tasks));
    server.post("/tasks", signedIn(this::addTask));
    server.post("/tasks/{id}/delete", signedIn(this::deleteTask));
    server.put("/cache/{key}", this::putCache);
    server.get("/cache/{key}", this::getCache);
    server.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("internal error on " + hostname);
    });
  }

  private void health(Context ctx) {
    boolean redisAnswers;
    try {
      redisAnswers = "PONG".equals(redis.ping());
    } catch (RuntimeException e) {
      redisAnswers = false;
    }
    boolean dbAnswers = store.answers();
    if (dbAnswers && redisAnswers) {
      ctx.result("ok");
    } else {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("database " + (dbAnswers ? "up" : "down") + ", redis "
          + (redisAnswers ? "up" : "down"));
    }
  }

  private void login(Context ctx) throws Exception {
    Optional<Store.User> user = store.login(ctx.formParam("username"), ctx.formParam("password"));
    if (user.isEmpty()) {
      ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(hostname, "Unknown username or wrong password."));
      return;
    }
    startSession(ctx, user.get());
  }

  private void register(Context ctx) throws Exception {
    String username = ctx.formParam("username");
    String password = ctx.formParam("password");
    if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}") || password == null || password.length() < 8) {
      ctx.status(HttpStatus.BAD_REQUEST).html(Pages.register(hostname,
          "Usernames are 3 to 64 letters, digits, dots, dashes or underscores; passwords at least 8 characters."));
      return;
    }
    Optional<Store.User> user = store.register(username, password);
    if (user.isEmpty()) {
      ctx.status(HttpStatus.CONFLICT).html(Pages.register(hostname, "That username is taken."));
      return;
    }
    startSession(ctx, user.get());
  }

  private void startSession(Context ctx, Store.User user) {
    String session = sessions.create(user.id());
    ctx.header("Set-Cookie", Sessions.COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    ctx.redirect("/tasks", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    sessions.delete(ctx.cookie(Sessions.COOKIE));
    ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** A handler for signed-in users only. */
  @FunctionalInterface
  private interface UserHandler {
    void handle(Context ctx, Store.User user) throws Exception;
  }

  /** Sends a visitor without a live session to the login page; everyone else to {@code handler}. */
  private Handler signedIn(UserHandler handler) {
    return ctx -> {
      Optional<Store.User> user = currentUser(ctx);
      if (user.isEmpty()) {
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
      } else {
        handler.handle(ctx, user.get());
      }
    };
  }

  private void tasks(Context ctx, Store.User user) throws Exception {
    ctx.html(Pages.tasks(hostname, user, store.tasks(user.id())));
  }

  private void addTask(Context ctx, Store.User user) throws Exception {
    String name = ctx.formParam("name");
    if (name == null || name.isBlank() || name.length() > 255) {
      ctx.status(HttpStatus.BAD_REQUEST).result("a task needs a name of 1 to 255 characters");
      return;
    }
    store.addTask(user.id(), name.strip(), hostname);
    ctx.redirect("/tasks", HttpStatus.SEE_OTHER);
  }

  private void deleteTask(Context ctx, Store.User user) throws Exception {
    store.deleteTask(user.id(), Long.parseLong(ctx.pathParam("id")));
    ctx.redirect("/tasks", HttpStatus.SEE_OTHER);
  }

  private void putCache(Context ctx) {
    String value = ctx.queryParam("value");
    long ttl = Long.parseLong(Optional.ofNullable(ctx.queryParam("ttl")).orElse("60"));
    if (value == null || ttl < 1) {
      ctx.status(HttpStatus.BAD_REQUEST).result("PUT /cache/{key}?value=...&ttl=seconds (ttl >= 1)");
      return;
    }
    redis.set("cache:" + ctx.pathParam("key"), value, SetParams.setParams().ex(ttl));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void getCache(Context ctx) {
    String value = redis.get("cache:" + ctx.pathParam("key"));
    if (value == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("no cached value");
    } else {
      ctx.result(value);
    }
  }

  private Optional<Store.User> currentUser(Context ctx) throws Exception {
    Optional<Long> userId = sessions.user(ctx.cookie(Sessions.COOKIE));
    return userId.isEmpty() ? Optional.empty() : store.user(userId.get());
  }
}
