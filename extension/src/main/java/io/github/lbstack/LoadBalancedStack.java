package io.github.lbstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.github.lbstack.internal.spec.ConfigKeys;
import io.github.lbstack.internal.spec.StackSpec;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Brings up a load-balanced stack for the annotated test class: an HAProxy load balancer in front of
 * {@link #replicas()} replicas of your web app, plus a database (MySQL or PostgreSQL, see {@link #database()}) and
 * Redis, on a Docker network of their own.
 *
 * <pre>{@code
 * @LoadBalancedStack(replicas = 3, web = @Web(jar = "target/app.jar", port = 8080, healthPath = "/health"))
 * class CheckoutIT {
 *   @Test
 *   void spreadsRequests(RequestSpecification lb, RunningStack stack, JedisPooled redis, DataSource db) {
 *     given(lb).get("/").then().statusCode(200);
 *   }
 * }
 * }</pre>
 *
 * <p>The stack starts before the first test of the class and is removed after the last one, whatever the outcome.
 * {@code @Nested} classes share their enclosing class's stack. With {@link #shared()}, every class of the run with
 * an equal definition uses one stack instead, started on first use, put back to its definition after each class,
 * and removed when the run ends. Test methods (and constructors, and lifecycle
 * methods) can declare parameters of these exact types: {@link RunningStack},
 * {@code io.restassured.specification.RequestSpecification} (pointed at the load balancer),
 * {@code redis.clients.jedis.JedisPooled} and {@code javax.sql.DataSource}.
 *
 * <p>Global settings are JUnit configuration parameters (in {@code junit-platform.properties} or as {@code -D}
 * system properties); their names are the {@code *_PROPERTY} constants below.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LoadBalancedStackExtension.class)
// Classes that share a stack must not use it at the same time: distribution assertions need the lb to themselves.
@ResourceLock(providers = SharedStackLocks.class)
public @interface LoadBalancedStack {

  /** The largest number of replicas a stack accepts. */
  int MAX_REPLICAS = StackSpec.MAX_REPLICAS;

  /** Image of the load balancer; must honour the official {@code haproxy} image's contract. */
  String HAPROXY_IMAGE_PROPERTY = ConfigKeys.HAPROXY_IMAGE;

  /** Image of the load balancer with {@code @Lb(type = NGINX)}; must honour the official {@code nginx} image's contract. */
  String NGINX_IMAGE_PROPERTY = ConfigKeys.NGINX_IMAGE;

  /** Image of the database; must honour the official {@code mysql} image's contract. */
  String MYSQL_IMAGE_PROPERTY = ConfigKeys.MYSQL_IMAGE;

  /**
   * Image of the database with {@link Database#POSTGRES}; must honour the official {@code postgres} image's contract.
   */
  String POSTGRES_IMAGE_PROPERTY = ConfigKeys.POSTGRES_IMAGE;

  /** Image of the cache; must honour the official {@code redis} image's contract. */
  String REDIS_IMAGE_PROPERTY = ConfigKeys.REDIS_IMAGE;

  /** JRE base image used to run {@link Web#jar()} apps; must have {@code java} on its PATH. */
  String JRE_IMAGE_PROPERTY = ConfigKeys.JRE_IMAGE;

  /**
   * Image of the helper that applies network faults ({@code Replica.network()}) in a replica's network namespace;
   * must have {@code sh}, {@code getent}, {@code iptables} with the {@code statistic} match, and {@code tc}.
   */
  String NETFAULT_IMAGE_PROPERTY = ConfigKeys.NETFAULT_IMAGE;

  /** How long the whole stack may take to become ready, as an ISO-8601 duration or in seconds. Default 120 s. */
  String STARTUP_TIMEOUT_PROPERTY = ConfigKeys.STARTUP_TIMEOUT;

  /** Interval of the load balancer's health checks, as an ISO-8601 duration or in milliseconds. Default 500 ms. */
  String HEALTH_CHECK_INTERVAL_PROPERTY = ConfigKeys.HEALTH_CHECK_INTERVAL;

  /**
   * How long one health check may take before it counts as failed, as an ISO-8601 duration or in milliseconds; two
   * failed checks take a replica out of rotation. Default: four intervals, at least 2 s. Raise it when your app's
   * health check is slow on a busy CI machine (it asks a database, say). It applies to lbstack's generated HAProxy
   * configuration and to nginx, whose checks lbstack runs; a {@code haproxy.cfg} of yours keeps its own
   * {@code timeout check}, and gets this one in the named backend where it sets none.
   */
  String HEALTH_CHECK_TIMEOUT_PROPERTY = ConfigKeys.HEALTH_CHECK_TIMEOUT;

  /**
   * Tables that {@link RunningStack#resetData()} keeps, comma-separated, compared case-insensitively. Default:
   * {@code flyway_schema_history,DATABASECHANGELOG,DATABASECHANGELOGLOCK}, the migration history of Flyway and
   * Liquibase.
   */
  String RESET_KEEP_TABLES_PROPERTY = ConfigKeys.RESET_KEEP_TABLES;

  /**
   * What {@link RunningStack#resetData()} returns the data to: {@code snapshot} (the default), the data as it was when
   * the stack became ready, or {@code truncate}, every table but the kept ones emptied and Redis flushed.
   */
  String RESET_MODE_PROPERTY = ConfigKeys.RESET_MODE;

  /**
   * Where lbstack writes its run report ({@code index.html}) and, for each class with a failed test, the stack's
   * evidence ({@code <TestClass>/}). Default {@code target/lbstack-reports}, relative to the working directory.
   */
  String REPORT_DIR_PROPERTY = ConfigKeys.REPORT_DIR;

  /**
   * {@code true} keeps {@link #shared() shared} stacks running after the run, and lets the next run with the same
   * definition and images take them up again, reset, in about a second. For a developer's machine: it is ignored
   * when the environment variable {@code CI} is set. Default {@code false}. See README, "Reuse on your machine".
   */
  String REUSE_PROPERTY = ConfigKeys.REUSE;

  /**
   * The options lbstack starts a jar's JVM with ({@link Web#jar()}, {@code Release.jar}), space-separated, before
   * {@code -jar}. Default {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}; {@code none} for the JVM's own defaults.
   */
  String WEB_JVM_OPTIONS_PROPERTY = ConfigKeys.WEB_JVM_OPTIONS;

  /**
   * {@code true} (the default) lets the first stack of a jar record the classes its JVM loads, so later replicas start
   * from an image with that class data archive; {@code false} starts every replica untrained. See README, "Start-up
   * of a jar".
   */
  String WEB_TRAIN_PROPERTY = ConfigKeys.WEB_TRAIN;

  /**
   * {@code true} (the default) starts the database from an image lbstack derives once from the database image, with
   * a data directory already initialised, so a stack skips the server's first-start initialisation and only makes its
   * own database and user; {@code false} initialises a data directory at every start. A stack with
   * {@link #databaseInit() init scripts}, or a database image with scripts of its own in
   * {@code /docker-entrypoint-initdb.d}, always starts cold. See README, "A database that starts warm".
   */
  String DATABASE_WARM_PROPERTY = ConfigKeys.DATABASE_WARM;

  /** {@return number of web replicas behind the load balancer, from 1 to {@link #MAX_REPLICAS}} */
  int replicas() default 3;

  /**
   * Warm spare replicas: started with the stack, then paused, out of rotation. {@link RunningStack#scaleTo(int)}
   * unpauses them instead of starting new containers, which makes scaling up take about as long as one health
   * check. Scaling down (or a shared stack's reset between classes) pauses them again. They cost memory, and CPU
   * while the stack starts; {@code replicas + spares} is at most {@link #MAX_REPLICAS}.
   *
   * @return warm spare replicas: started with the stack, then paused, out of rotation
   */
  int spares() default 0;

  /** {@return the web tier: exactly one of {@link Web#image()}, {@link Web#dockerfile()} or {@link Web#jar()}} */
  Web web();

  /** {@return how the load balancer picks a replica; default round-robin} */
  Balance balance() default Balance.ROUND_ROBIN;

  /**
   * When {@code true}, the load balancer pins each client to a replica with a cookie ({@code LBSTACK_SERVER}) and
   * moves it to another replica only when its own is down.
   *
   * @return whether the load balancer pins each client to a replica with a cookie
   */
  boolean stickyCookie() default false;

  /**
   * {@return the load balancer: by default lbstack generates an HAProxy configuration; {@code @Lb(config = ...,
   * backend = ...)} runs your own {@code haproxy.cfg} instead}
   */
  Lb lb() default @Lb;

  /**
   * When {@code true}, every class in the run whose definition is equal (the same attribute values, the same
   * configuration) uses one stack: it starts when the first of them needs it and is removed when the run ends.
   * After each class, lbstack puts the stack back to its definition: the replica count, every replica running and
   * UP, nothing paused or disconnected. Data is not reset unless a class asks, with {@link RunningStack#resetData()}.
   * Under JUnit's parallel execution, classes that share a stack never run at the same time; other classes still do.
   *
   * @return whether classes with equal definitions share one stack for the run
   */
  boolean shared() default false;

  /**
   * {@return the stack's database} {@link Database#MYSQL} by default; {@link Database#POSTGRES} for PostgreSQL;
   * {@link Database#NONE} for none.
   */
  Database database() default Database.MYSQL;

  /**
   * {@return whether the stack has a MySQL database}
   *
   * @deprecated use {@code database = Database.NONE} for a stack without a database; {@code mysql = false} still
   *     means that, and contradicts any other {@link #database()}.
   */
  @Deprecated(since = "0.2.0")
  boolean mysql() default true;

  /** {@return whether the stack has Redis} With {@code false}, no Redis starts and no client can be injected. */
  boolean redis() default true;

  /**
   * Scripts the database runs once, when its data directory is first made and before any replica starts, for apps
   * that do not create their own schema. Each is a {@code .sql}, {@code .sql.gz}, {@code .sql.xz} or {@code .sh}
   * file, relative to the working directory; they run in the order given, as the database image's
   * {@code /docker-entrypoint-initdb.d} runs them ({@code .sql} files against the stack's database). lbstack copies
   * them in through the Docker API, so they work on a remote engine and on a swarm too. A script that fails stops
   * the start with the database's message, which names the script's line.
   *
   * <pre>{@code
   * @LoadBalancedStack(web = @Web(jar = "target/app.jar"), databaseInit = "src/test/resources/schema.sql")
   * }</pre>
   *
   * @return the scripts, in the order they run; none by default
   */
  String[] databaseInit() default {};

  /**
   * {@return other services the app needs (a broker, a mail catcher...), each a container on the stack's network that
   * starts before the replicas; see {@link Service}}
   */
  Service[] services() default {};

  /**
   * When {@code true}, the class is skipped (reported as disabled) if no Docker engine answers. When {@code false},
   * the default, the class fails with an error that says how to provide one.
   *
   * @return whether the class is skipped, rather than failed, when no Docker engine answers
   */
  boolean disabledWithoutDocker() default false;
}
