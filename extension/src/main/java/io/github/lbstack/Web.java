package io.github.lbstack;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The web tier of a {@link LoadBalancedStack}. Give exactly one of {@link #image()}, {@link #dockerfile()} or
 * {@link #jar()}.
 *
 * <pre>{@code
 * @Web(jar = "target/app.jar", env = "SPRING_DATASOURCE_URL=${db.jdbcUrl}")
 * }</pre>
 *
 * <p>Every replica gets {@code DB_KIND}, {@code DB_HOST}, {@code DB_PORT}, {@code DB_DATABASE}, {@code DB_USERNAME},
 * {@code DB_PASSWORD}, {@code REDIS_HOST} and {@code REDIS_PORT} unless {@link #defaultEnv()} is {@code false}.
 * Values in {@link #env()} and {@link #buildArgs()} may use placeholders such as {@code ${db.jdbcUrl}}; the README
 * lists them all.
 *
 * <p>{@link #image()}, {@link #dockerfile()} and {@link #jar()} may read a configuration parameter (or system
 * property) with {@code ${key}}, so the build can hand in what it only knows at run time:
 * {@code @Web(jar = "${app.jar}")} with {@code -Dapp.jar=target/app-1.2.jar}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Web {

  /** {@return an existing image, for example {@code "shop:latest"}} */
  String image() default "";

  /** {@return path of a Dockerfile, relative to the working directory; its directory is the build context} */
  String dockerfile() default "";

  /** {@return build arguments for {@link #dockerfile()}, each {@code "NAME=value"}; values may use placeholders} */
  String[] buildArgs() default {};

  /**
   * {@return the path of a runnable jar, relative to the working directory} It runs with {@code java -jar} on the JRE
   * image.
   */
  String jar() default "";

  /**
   * {@return the label of the version the replicas run, such as {@code "1.4.2"}} Each replica reports it
   * ({@code Replica.version()}), and a traffic run records which version served each request, so a rollout
   * ({@code RunningStack.rollOut}) can be checked request by request. Default: the image the replicas run.
   */
  String version() default "";

  /** {@return the port the app listens on inside its container} */
  int port() default 8080;

  /**
   * {@return the path the load balancer's health check requests; it must answer 2xx or 3xx when the replica is ready}
   */
  String healthPath() default "/health";

  /** {@return extra environment entries for every replica, each {@code "NAME=value"}; values may use placeholders} */
  String[] env() default {};

  /** {@return whether to set the {@code DB_*} and {@code REDIS_*} variables of the classic {@code .env} contract} */
  boolean defaultEnv() default true;
}
