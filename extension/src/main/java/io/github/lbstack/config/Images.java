package io.github.lbstack.config;

import io.github.lbstack.LoadBalancedStack;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The images a stack runs. Defaults are the official images; each can be replaced by a configuration parameter,
 * for example {@code -Dlbstack.image.mysql=registry.example/mysql:8.4}.
 */
public record Images(String haproxy, String mysql, String redis, String jre) {

  public static final String DEFAULT_HAPROXY = "haproxy:3.2";
  public static final String DEFAULT_MYSQL = "mysql:8.4";
  public static final String DEFAULT_REDIS = "redis:7.4";
  public static final String DEFAULT_JRE = "eclipse-temurin:17-jre";

  /** The configuration parameters that select images, for code that hands them on (to a child JVM, say). */
  public static final List<String> PROPERTIES = List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY,
      LoadBalancedStack.MYSQL_IMAGE_PROPERTY, LoadBalancedStack.REDIS_IMAGE_PROPERTY,
      LoadBalancedStack.JRE_IMAGE_PROPERTY);

  public static Images defaults() {
    return new Images(DEFAULT_HAPROXY, DEFAULT_MYSQL, DEFAULT_REDIS, DEFAULT_JRE);
  }

  /** Reads overrides from a parameter source, such as JUnit's configuration parameters; blank values are ignored. */
  public static Images from(Function<String, Optional<String>> parameters) {
    return new Images(
        read(parameters, LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, DEFAULT_HAPROXY),
        read(parameters, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, DEFAULT_MYSQL),
        read(parameters, LoadBalancedStack.REDIS_IMAGE_PROPERTY, DEFAULT_REDIS),
        read(parameters, LoadBalancedStack.JRE_IMAGE_PROPERTY, DEFAULT_JRE));
  }

  /** Reads overrides from system properties, for code that runs outside JUnit. */
  public static Images fromSystemProperties() {
    return from(key -> Optional.ofNullable(System.getProperty(key)));
  }

  private static String read(Function<String, Optional<String>> parameters, String key, String fallback) {
    return parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty()).orElse(fallback);
  }
}
