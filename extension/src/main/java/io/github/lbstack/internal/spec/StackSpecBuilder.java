package io.github.lbstack.internal.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects a stack description from any front end (the annotation, or the public builder) and validates it in one
 * place, so every front end gets the same error messages. Nothing here touches Docker.
 */
public final class StackSpecBuilder {

  public static final int MAX_REPLICAS = 16;
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofMillis(500);
  /** Migration history of Flyway and Liquibase: a data reset that emptied it would make the app migrate again. */
  public static final List<String> DEFAULT_KEEP_TABLES = List.of("flyway_schema_history", "DATABASECHANGELOG",
      "DATABASECHANGELOGLOCK");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private int replicas = 3;
  private String image = "";
  private String dockerfile = "";
  private String jar = "";
  private List<String> buildArgs = List.of();
  private int port = 8080;
  private String healthPath = "/health";
  private List<String> env = List.of();
  private boolean defaultEnv = true;
  private Images images = Images.defaults();
  private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
  private Duration healthCheckInterval = DEFAULT_HEALTH_CHECK_INTERVAL;
  private Path baseDirectory = Path.of("");
  private String balance = "roundrobin";
  private boolean stickyCookie;
  private boolean mysql = true;
  private boolean redis = true;
  private List<String> keepTables = DEFAULT_KEEP_TABLES;
  private boolean fastMysql = true;
  private int spares;
  private StartOrder startOrder = StartOrder.DEFAULT;
  private Configuration configuration = new Configuration(key -> java.util.Optional.empty());

  /** Reads images, timeouts and reset settings, and resolves {@code ${key}} references in the web source. */
  public StackSpecBuilder configuration(Configuration configuration) {
    this.configuration = configuration;
    this.images = Images.from(configuration);
    this.startupTimeout = configuration.duration(ConfigKeys.STARTUP_TIMEOUT, 1000, DEFAULT_STARTUP_TIMEOUT);
    this.healthCheckInterval = configuration.duration(ConfigKeys.HEALTH_CHECK_INTERVAL, 1,
        DEFAULT_HEALTH_CHECK_INTERVAL);
    this.keepTables = configuration.list(ConfigKeys.RESET_KEEP_TABLES, DEFAULT_KEEP_TABLES);
    this.fastMysql = configuration.bool(ConfigKeys.MYSQL_FAST, true);
    this.startOrder = configuration.choice(ConfigKeys.STARTUP_ORDER, StartOrder::parse,
        java.util.Arrays.stream(StartOrder.values()).map(StartOrder::key).toList(), StartOrder.DEFAULT);
    return this;
  }

  public StackSpecBuilder balance(String haproxyKeyword) {
    this.balance = haproxyKeyword;
    return this;
  }

  public StackSpecBuilder stickyCookie(boolean stickyCookie) {
    this.stickyCookie = stickyCookie;
    return this;
  }

  public StackSpecBuilder replicas(int replicas) {
    this.replicas = replicas;
    return this;
  }

  public StackSpecBuilder spares(int spares) {
    this.spares = spares;
    return this;
  }

  public StackSpecBuilder image(String image) {
    this.image = image;
    return this;
  }

  public StackSpecBuilder dockerfile(String dockerfile, List<String> buildArgs) {
    this.dockerfile = dockerfile;
    this.buildArgs = List.copyOf(buildArgs);
    return this;
  }

  public StackSpecBuilder jar(String jar) {
    this.jar = jar;
    return this;
  }

  public StackSpecBuilder port(int port) {
    this.port = port;
    return this;
  }

  public StackSpecBuilder healthPath(String healthPath) {
    this.healthPath = healthPath;
    return this;
  }

  public StackSpecBuilder env(List<String> env) {
    this.env = List.copyOf(env);
    return this;
  }

  public StackSpecBuilder defaultEnv(boolean defaultEnv) {
    this.defaultEnv = defaultEnv;
    return this;
  }

  public StackSpecBuilder images(Images images) {
    this.images = images;
    return this;
  }

  public StackSpecBuilder startupTimeout(Duration startupTimeout) {
    this.startupTimeout = startupTimeout;
    return this;
  }

  public StackSpecBuilder healthCheckInterval(Duration healthCheckInterval) {
    this.healthCheckInterval = healthCheckInterval;
    return this;
  }

  public StackSpecBuilder mysql(boolean mysql) {
    this.mysql = mysql;
    return this;
  }

  public StackSpecBuilder redis(boolean redis) {
    this.redis = redis;
    return this;
  }

  public StackSpecBuilder keepTables(List<String> keepTables) {
    this.keepTables = List.copyOf(keepTables);
    return this;
  }

  /** Directory that relative {@code jar} and {@code dockerfile} paths are resolved against; default: the cwd. */
  public StackSpecBuilder baseDirectory(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
    return this;
  }

  /** @throws InvalidSpecException naming what is wrong and how to fix it */
  public StackSpec build() {
    if (replicas < 1 || replicas > MAX_REPLICAS) {
      throw new InvalidSpecException("replicas = " + replicas + " is out of range: use 1 to " + MAX_REPLICAS
          + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    if (spares < 0 || replicas + spares > MAX_REPLICAS) {
      throw new InvalidSpecException("spares = " + spares + " is out of range with replicas = " + replicas
          + ": use 0 to " + (MAX_REPLICAS - replicas) + ", so that replicas + spares stay within " + MAX_REPLICAS
          + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    WebSpec web = new WebSpec(source(), checkedPort(), checkedHealthPath(), pairs("env", env), defaultEnv);
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new InvalidSpecException("startup timeout " + startupTimeout + " must be positive.");
    }
    if (healthCheckInterval.toMillis() < 10) {
      throw new InvalidSpecException("health check interval " + healthCheckInterval
          + " is too short: use at least 10 ms.");
    }
    StackSpec spec = new StackSpec(replicas, web, images, startupTimeout, healthCheckInterval, balance, stickyCookie,
        mysql, redis, keepTables, fastMysql, spares, startOrder);
    checkPlaceholders(spec);
    return spec;
  }

  /** Expands every placeholder once with sample values, so a typo fails before any container exists. */
  private static void checkPlaceholders(StackSpec spec) {
    WebEnvironment environment = new WebEnvironment(spec, new WebEnvironment.Secrets("db", "user", "password"));
    environment.forReplica(1);
    if (spec.web().source() instanceof WebSource.FromDockerfile dockerfile) {
      environment.buildArgs(dockerfile);
    }
  }

  private WebSource source() {
    String image = resolved("image", this.image);
    String dockerfile = resolved("dockerfile", this.dockerfile);
    String jar = resolved("jar", this.jar);
    List<String> given = new ArrayList<>();
    if (!image.isBlank()) {
      given.add("image");
    }
    if (!dockerfile.isBlank()) {
      given.add("dockerfile");
    }
    if (!jar.isBlank()) {
      given.add("jar");
    }
    if (given.isEmpty()) {
      throw new InvalidSpecException("no web tier given: set exactly one of @Web(image = \"app:tag\"), "
          + "@Web(dockerfile = \"path/to/Dockerfile\") or @Web(jar = \"target/app.jar\").");
    }
    if (given.size() > 1) {
      throw new InvalidSpecException("@Web gives " + String.join(" and ", given)
          + " at once: keep exactly one of image, dockerfile or jar.");
    }
    if (!buildArgs.isEmpty() && dockerfile.isBlank()) {
      throw new InvalidSpecException("@Web(buildArgs) only applies to a dockerfile, but the web tier is "
          + given.get(0) + ": remove buildArgs or build from a dockerfile.");
    }
    if (!image.isBlank()) {
      return new WebSource.FromImage(image.trim());
    }
    if (!dockerfile.isBlank()) {
      Path path = existingFile("dockerfile", this.dockerfile, dockerfile,
          "fix the path; it is resolved against the working directory");
      return new WebSource.FromDockerfile(path, pairs("buildArgs", buildArgs));
    }
    return new WebSource.FromJar(existingFile("jar", this.jar, jar, "build the jar first (mvn package) or fix the path"));
  }

  /**
   * Replaces {@code ${key}} in a web source with the configuration parameter (or system property) {@code key}, so a
   * build can hand in a path it only knows at run time.
   */
  private String resolved(String attribute, String value) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1).trim();
      String replacement = configuration.string(key).orElseThrow(() -> new InvalidSpecException("@Web(" + attribute
          + " = \"" + value + "\") reads configuration parameter " + key + ", which is not set: pass -D" + key
          + "=... to the test JVM (Surefire/Failsafe systemPropertyVariables), or set it in "
          + "junit-platform.properties."));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Path existingFile(String attribute, String given, String value, String fix) {
    Path path = baseDirectory.resolve(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      String shown = "\"" + given + "\"" + (given.equals(value) ? "" : ", which is \"" + value + "\"");
      throw new InvalidSpecException("@Web(" + attribute + " = " + shown + ") does not exist (looked for " + path
          + "): " + fix + ".");
    }
    return path;
  }

  private int checkedPort() {
    if (port < 1 || port > 65535) {
      throw new InvalidSpecException("@Web(port = " + port + ") is not a TCP port: use 1 to 65535.");
    }
    return port;
  }

  private String checkedHealthPath() {
    if (!healthPath.startsWith("/") || healthPath.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidSpecException("@Web(healthPath = \"" + healthPath
          + "\") must be an absolute path without spaces, such as \"/health\".");
    }
    return healthPath;
  }

  private static Map<String, String> pairs(String attribute, List<String> entries) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      String name = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw new InvalidSpecException("@Web(" + attribute + ") entry \"" + entry
            + "\" is not NAME=value: write it like \"SPRING_PROFILES_ACTIVE=test\".");
      }
      if (pairs.put(name, entry.substring(equals + 1)) != null) {
        throw new InvalidSpecException("@Web(" + attribute + ") sets " + name + " twice: keep one entry.");
      }
    }
    return pairs;
  }
}
