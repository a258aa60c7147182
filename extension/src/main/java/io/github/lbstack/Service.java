package io.github.lbstack;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Another service your app needs (a broker, a mail catcher, a search engine): a container on the stack's network,
 * reachable by the replicas under {@link #name()}, started before them, and removed with the stack.
 *
 * <pre>{@code
 * @LoadBalancedStack(web = @Web(jar = "target/shop.jar", env = "BROKER_URL=amqp://${service.broker.host}:${service.broker.port}"),
 *     services = @Service(name = "broker", image = "rabbitmq:4", port = 5672, readyLog = "Server startup complete"))
 * }</pre>
 *
 * <p>Tests reach it through {@link RunningStack#service(String)}, which also offers the drills a replica has: kill
 * it, pause it, cut it off, and see what your app does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Service {

  /** {@return its name on the stack's network, lower case: the replicas reach it by this host name} */
  String name();

  /** {@return its image; may read a configuration parameter with {@code ${key}}} */
  String image();

  /** {@return the port it listens on inside its container; published for the tests} */
  int port();

  /** {@return {@code "NAME=value"} environment entries} */
  String[] env() default {};

  /** {@return the command, or empty for the image's own} */
  String[] command() default {};

  /**
   * {@return an HTTP path on {@link #port()} that answers 2xx or 3xx once it is ready; empty for none} With neither
   * this nor {@link #readyLog()}, it is ready once {@link #port()} accepts connections.
   */
  String readyPath() default "";

  /** {@return a text its log shows once it is ready, such as {@code "Ready to accept connections"}; empty for none} */
  String readyLog() default "";
}
