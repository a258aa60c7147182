package io.github.lbstack.env;

import io.github.lbstack.config.Images;
import io.github.lbstack.config.WebSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment each web replica starts with: the classic {@code .env} contract, then the user's entries with
 * placeholders expanded. User entries win, so any default can be overridden.
 */
public final class WebEnvironment {

  /** Network alias of the database inside the stack's network. */
  public static final String MYSQL_HOST = "mysql";
  public static final int MYSQL_PORT = 3306;
  /** Network alias of Redis inside the stack's network. */
  public static final String REDIS_HOST = "redis";
  public static final int REDIS_PORT = 6379;

  private final WebSpec web;
  private final Images images;
  private final String database;
  private final String user;
  private final String password;

  public WebEnvironment(WebSpec web, Images images, String database, String user, String password) {
    this.web = web;
    this.images = images;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** Placeholder values for a replica; the README's placeholder table mirrors this method. */
  public Map<String, String> placeholders(int index, String hostname) {
    Map<String, String> values = new LinkedHashMap<>(buildPlaceholders(web, images));
    values.put("mysql.host", MYSQL_HOST);
    values.put("mysql.port", String.valueOf(MYSQL_PORT));
    values.put("mysql.database", database);
    values.put("mysql.user", user);
    values.put("mysql.password", password);
    values.put("mysql.jdbcUrl", "jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/" + database);
    values.put("redis.host", REDIS_HOST);
    values.put("redis.port", String.valueOf(REDIS_PORT));
    values.put("redis.uri", "redis://" + REDIS_HOST + ":" + REDIS_PORT);
    values.put("replica.index", String.valueOf(index));
    values.put("replica.hostname", hostname);
    return values;
  }

  /** Placeholders usable in build arguments: only values that do not change between stacks, so builds cache. */
  public static Map<String, String> buildPlaceholders(WebSpec web, Images images) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("image.haproxy", images.haproxy());
    values.put("image.mysql", images.mysql());
    values.put("image.redis", images.redis());
    values.put("image.jre", images.jre());
    values.put("web.port", String.valueOf(web.port()));
    return values;
  }

  public Map<String, String> forReplica(int index, String hostname) {
    Map<String, String> env = new LinkedHashMap<>();
    if (web.defaultEnv()) {
      env.put("DB_HOST", MYSQL_HOST);
      env.put("DB_PORT", String.valueOf(MYSQL_PORT));
      env.put("DB_DATABASE", database);
      env.put("DB_USERNAME", user);
      env.put("DB_PASSWORD", password);
      env.put("REDIS_HOST", REDIS_HOST);
      env.put("REDIS_PORT", String.valueOf(REDIS_PORT));
    }
    Placeholders placeholders = new Placeholders(placeholders(index, hostname));
    web.env().forEach((name, raw) -> env.put(name, placeholders.expand("@Web(env) " + name, raw)));
    return env;
  }
}
