package io.github.lbstack.internal.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each web replica is told about the stack: the classic {@code .env} contract, then the user's entries with
 * placeholders expanded. User entries win, so any default can be overridden. This is the one place where
 * placeholders are expanded, for start-up and scaling alike.
 */
public final class WebEnvironment {

  /** Network alias of Redis inside the stack's network. */
  public static final String REDIS_HOST = "redis";
  public static final int REDIS_PORT = 6379;

  /** The stack's random database credentials. */
  public record Secrets(String database, String user, String password) {}

  private final StackSpec spec;
  private final Secrets secrets;

  /** The database's name and login that the replicas are given. */
  public Secrets secrets() {
    return secrets;
  }

  public WebEnvironment(StackSpec spec, Secrets secrets) {
    this.spec = spec;
    this.secrets = secrets;
  }

  /** Replica i's hostname: its network alias, its lb server name and its {@code X-Served-By} value. */
  public static String hostname(int index) {
    return "web-" + index;
  }

  /** The environment of replica {@code index}, placeholders expanded. */
  public Map<String, String> forReplica(int index) {
    return forReplica(index, Map.of());
  }

  /** The same, with a release's entries over the stack's, placeholders expanded alike. */
  public Map<String, String> forReplica(int index, Map<String, String> release) {
    Map<String, String> env = new LinkedHashMap<>();
    if (spec.web().defaultEnv()) {
      DatabaseKind database = spec.database();
      if (database.present()) {
        env.put("DB_KIND", database.jdbcScheme());
        env.put("DB_HOST", database.service());
        env.put("DB_PORT", String.valueOf(database.port()));
        env.put("DB_DATABASE", secrets.database());
        env.put("DB_USERNAME", secrets.user());
        env.put("DB_PASSWORD", secrets.password());
      }
      if (spec.redis()) {
        env.put("REDIS_HOST", REDIS_HOST);
        env.put("REDIS_PORT", String.valueOf(REDIS_PORT));
      }
    }
    Placeholders placeholders = new Placeholders(placeholders(index), leftOut());
    spec.web().env().forEach((name, raw) -> env.put(name, placeholders.expand("@Web(env) " + name, raw)));
    release.forEach((name, raw) -> env.put(name, placeholders.expand("Release.env " + name, raw)));
    return env;
  }

  /** Build arguments, expanded with the placeholders that do not change between stacks, so builds cache. */
  public Map<String, String> buildArgs(WebSource.FromDockerfile dockerfile) {
    Placeholders placeholders = new Placeholders(buildPlaceholders(), Map.of());
    Map<String, String> args = new TreeMap<>();
    dockerfile.buildArgs().forEach((name, raw) -> args.put(name, placeholders.expand("@Web(buildArgs) " + name, raw)));
    return args;
  }

  /** Placeholder values for a replica; the README's placeholder table mirrors this method. */
  Map<String, String> placeholders(int index) {
    Map<String, String> values = new LinkedHashMap<>(buildPlaceholders());
    DatabaseKind database = spec.database();
    if (database.present()) {
      // The same values under db. (whatever the kind) and under the kind's own name, such as postgres.
      for (String prefix : java.util.List.of("db.", database.service() + ".")) {
        values.put(prefix + "host", database.service());
        values.put(prefix + "port", String.valueOf(database.port()));
        values.put(prefix + "database", secrets.database());
        values.put(prefix + "user", secrets.user());
        values.put(prefix + "password", secrets.password());
        values.put(prefix + "jdbcUrl", database.networkJdbcUrl(secrets.database()));
      }
      values.put("db.kind", database.jdbcScheme());
    }
    if (spec.redis()) {
      values.put("redis.host", REDIS_HOST);
      values.put("redis.port", String.valueOf(REDIS_PORT));
      values.put("redis.uri", "redis://" + REDIS_HOST + ":" + REDIS_PORT);
    }
    for (ServiceSpec service : spec.services()) {
      values.put("service." + service.name() + ".host", service.name());
      values.put("service." + service.name() + ".port", String.valueOf(service.port()));
    }
    values.put("replica.index", String.valueOf(index));
    values.put("replica.hostname", hostname(index));
    return values;
  }

  private Map<String, String> buildPlaceholders() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("image.haproxy", spec.images().haproxy());
    values.put("image.mysql", spec.images().mysql());
    values.put("image.postgres", spec.images().postgres());
    values.put("image.redis", spec.images().redis());
    values.put("image.jre", spec.images().jre());
    values.put("web.port", String.valueOf(spec.web().port()));
    return values;
  }

  /** Placeholder prefixes of services this stack leaves out, with the attribute that brings them back. */
  private Map<String, String> leftOut() {
    Map<String, String> leftOut = new LinkedHashMap<>();
    DatabaseKind database = spec.database();
    if (!database.present()) {
      leftOut.put("db.", "the stack has no database (database = NONE)");
    }
    for (DatabaseKind other : DatabaseKind.values()) {
      if (other.present() && other != database) {
        leftOut.put(other.service() + ".", database.present()
            ? "the stack's database is " + database.displayName() + " (database = " + database.name() + "): use the "
                + "${db.*} placeholders (or ${" + database.service() + ".*})"
            : "the stack has no database (database = NONE)");
      }
    }
    if (!spec.redis()) {
      leftOut.put("redis.", "the stack leaves out Redis (redis = false)");
    }
    leftOut.put("service.", "the stack has no such service (services = @Service(name = ...))");
    return leftOut;
  }
}
