package io.github.lbstack.internal.spec;

/**
 * The images a stack runs. Defaults are the official images; each can be replaced by a configuration parameter,
 * for example {@code -Dlbstack.image.mysql=registry.example/mysql:8.4}.
 */
public record Images(String haproxy, String nginx, String mysql, String postgres, String redis, String jre,
    String netfault) {

  public static final String DEFAULT_HAPROXY = "haproxy:3.2";
  public static final String DEFAULT_NGINX = "nginx:1.28";
  public static final String DEFAULT_MYSQL = "mysql:8.4";
  public static final String DEFAULT_POSTGRES = "postgres:17";
  public static final String DEFAULT_REDIS = "redis:7.4";
  public static final String DEFAULT_JRE = "eclipse-temurin:17-jre";
  /** The helper that applies network faults in a replica's network namespace: a shell, iptables and tc. */
  public static final String DEFAULT_NETFAULT = "nicolaka/netshoot:v0.13";

  public static Images defaults() {
    return new Images(DEFAULT_HAPROXY, DEFAULT_NGINX, DEFAULT_MYSQL, DEFAULT_POSTGRES, DEFAULT_REDIS, DEFAULT_JRE,
        DEFAULT_NETFAULT);
  }

  /** Reads overrides from the configuration; blank values are ignored. */
  public static Images from(Configuration configuration) {
    return new Images(
        configuration.string(ConfigKeys.HAPROXY_IMAGE).orElse(DEFAULT_HAPROXY),
        configuration.string(ConfigKeys.NGINX_IMAGE).orElse(DEFAULT_NGINX),
        configuration.string(ConfigKeys.MYSQL_IMAGE).orElse(DEFAULT_MYSQL),
        configuration.string(ConfigKeys.POSTGRES_IMAGE).orElse(DEFAULT_POSTGRES),
        configuration.string(ConfigKeys.REDIS_IMAGE).orElse(DEFAULT_REDIS),
        configuration.string(ConfigKeys.JRE_IMAGE).orElse(DEFAULT_JRE),
        configuration.string(ConfigKeys.NETFAULT_IMAGE).orElse(DEFAULT_NETFAULT));
  }
}
