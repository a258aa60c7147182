package io.github.lbstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brings up a load-balanced stack for the annotated test class: an HAProxy load balancer in front of
 * {@link #replicas()} replicas of your web app, plus MySQL and Redis, on a Docker network of their own.
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
 * {@code @Nested} classes share their enclosing class's stack. Test methods (and constructors, and lifecycle
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
public @interface LoadBalancedStack {

  /** The largest number of replicas a stack accepts. */
  int MAX_REPLICAS = 16;

  /** Image of the load balancer; must honour the official {@code haproxy} image's contract. */
  String HAPROXY_IMAGE_PROPERTY = "lbstack.image.haproxy";

  /** Image of the database; must honour the official {@code mysql} image's contract. */
  String MYSQL_IMAGE_PROPERTY = "lbstack.image.mysql";

  /** Image of the cache; must honour the official {@code redis} image's contract. */
  String REDIS_IMAGE_PROPERTY = "lbstack.image.redis";

  /** JRE base image used to run {@link Web#jar()} apps; must have {@code java} on its PATH. */
  String JRE_IMAGE_PROPERTY = "lbstack.image.jre";

  /** How long the whole stack may take to become ready, as an ISO-8601 duration or in seconds. Default 120 s. */
  String STARTUP_TIMEOUT_PROPERTY = "lbstack.startup.timeout";

  /** Interval of the load balancer's health checks, as an ISO-8601 duration or in milliseconds. Default 500 ms. */
  String HEALTH_CHECK_INTERVAL_PROPERTY = "lbstack.lb.health-check-interval";

  /** Number of web replicas behind the load balancer, from 1 to {@link #MAX_REPLICAS}. */
  int replicas() default 3;

  /** The web tier: exactly one of {@link Web#image()}, {@link Web#dockerfile()} or {@link Web#jar()}. */
  Web web();

  /** How the load balancer picks a replica; default round-robin. */
  Balance balance() default Balance.ROUND_ROBIN;

  /**
   * When {@code true}, the load balancer pins each client to a replica with a cookie ({@code LBSTACK_SERVER}) and
   * moves it to another replica only when its own is down.
   */
  boolean stickyCookie() default false;

  /**
   * When {@code true}, the class is skipped (reported as disabled) if no Docker engine answers. When {@code false},
   * the default, the class fails with an error that says how to provide one.
   */
  boolean disabledWithoutDocker() default false;
}
