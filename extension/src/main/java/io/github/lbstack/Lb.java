package io.github.lbstack;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The load balancer of a {@link LoadBalancedStack}. By default lbstack generates an HAProxy configuration; with
 * {@link #config()} it runs yours, so your ACLs, routing, header rules and timeouts are what the tests go through.
 *
 * <pre>{@code
 * @LoadBalancedStack(web = @Web(jar = "target/shop.jar"),
 *     lb = @Lb(config = "src/test/haproxy/haproxy.cfg", backend = "app"))
 * }</pre>
 *
 * <p>lbstack keeps every line of your file but the {@code server} lines of {@link #backend()}: in their place go
 * its replicas' slots ({@code web-1} to {@code web-16}), so scaling and drills work as on a generated config. It adds
 * only what it needs and your file lacks, on ports your file does not use; the README has the table. Before anything
 * starts, the lb image checks the result with {@code haproxy -c}; an error quotes HAProxy's message with the line
 * numbers of your file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Lb {

  /**
   * {@return which balancer runs: HAProxy (the default) or nginx} On nginx lbstack generates the {@code nginx.conf},
   * or runs yours ({@link #config()}); see {@link LbType} for what differs.
   */
  LbType type() default LbType.HAPROXY;

  /**
   * {@return your {@code haproxy.cfg} (or {@code nginx.conf} with {@link #type()} {@code NGINX}), relative to the
   * working directory; empty for lbstack's generated configuration}
   */
  String config() default "";

  /**
   * {@return the backend (or listen section) of {@link #config()} whose servers are the app's replicas; on nginx,
   * the upstream}
   */
  String backend() default "";

  /**
   * {@return the port of one of {@link #config()}'s {@code bind} lines that the injected clients and {@code Traffic}
   * use; 0, the default, takes the first plain (not TLS) bind of a frontend that reaches {@link #backend()}}
   */
  int port() default 0;

  /**
   * {@return whether the generated config also terminates TLS} The frontend then binds 8443 with a certificate
   * lbstack makes for the stack, signed by a CA made for the test run; the injected clients and {@code Traffic}
   * use HTTPS and trust that CA (and only it). For your own {@link #config()}, leave it {@code false} and write
   * {@code bind :8443 ssl crt <file>}: lbstack puts the stack's certificate at that file.
   */
  boolean tls() default false;
}
