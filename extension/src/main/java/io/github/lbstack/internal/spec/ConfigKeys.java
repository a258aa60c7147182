package io.github.lbstack.internal.spec;

import java.util.List;

/**
 * Names of lbstack's configuration parameters. The public constants on {@code LoadBalancedStack} point here, so the
 * engine reads the same names without depending on the API.
 */
public final class ConfigKeys {

  public static final String HAPROXY_IMAGE = "lbstack.image.haproxy";
  public static final String NGINX_IMAGE = "lbstack.image.nginx";
  public static final String MYSQL_IMAGE = "lbstack.image.mysql";
  public static final String POSTGRES_IMAGE = "lbstack.image.postgres";
  public static final String REDIS_IMAGE = "lbstack.image.redis";
  public static final String JRE_IMAGE = "lbstack.image.jre";
  public static final String NETFAULT_IMAGE = "lbstack.image.netfault";
  public static final String STARTUP_TIMEOUT = "lbstack.startup.timeout";
  public static final String HEALTH_CHECK_INTERVAL = "lbstack.lb.health-check-interval";
  public static final String HEALTH_CHECK_TIMEOUT = "lbstack.lb.health-check-timeout";
  public static final String RESET_KEEP_TABLES = "lbstack.reset.keep-tables";
  public static final String RESET_MODE = "lbstack.reset.mode";
  public static final String REPORT_DIR = "lbstack.report.dir";
  public static final String DATABASE_FAST = "lbstack.database.fast";
  /** The name {@link #DATABASE_FAST} had when MySQL was the only database; still read. */
  public static final String MYSQL_FAST = "lbstack.mysql.fast";
  public static final String DATABASE_WARM = "lbstack.database.warm";
  public static final String REUSE = "lbstack.reuse";
  public static final String STARTUP_ORDER = "lbstack.startup.order";
  public static final String BACKEND = "lbstack.backend";
  public static final String SWARM_NODE_PORT = "lbstack.swarm.node-port";
  public static final String WEB_JVM_OPTIONS = "lbstack.web.jvm-options";
  public static final String WEB_TRAIN = "lbstack.web.train";

  /** Every key that selects an image, for code that hands them on (to a child JVM or a test kit, say). */
  public static final List<String> IMAGES = List.of(HAPROXY_IMAGE, MYSQL_IMAGE, POSTGRES_IMAGE, REDIS_IMAGE, JRE_IMAGE,
      NETFAULT_IMAGE);

  private ConfigKeys() {}
}
