package io.github.lbstack.config;

import io.github.lbstack.Balance;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.env.Placeholders;
import io.github.lbstack.env.WebEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a stack description from any front end (the annotation, or code) and validates it in one place, so
 * every front end gets the same error messages.
 */
public final class StackSpecBuilder {

  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofMillis(500);

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
  private Balance balance = Balance.ROUND_ROBIN;
  private boolean stickyCookie;

  public StackSpecBuilder balance(Balance balance) {
    this.balance = balance;
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

  /** Directory that relative {@code jar} and {@code dockerfile} paths are resolved against; default: the cwd. */
  public StackSpecBuilder baseDirectory(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
    return this;
  }

  /** @throws StackConfigurationException naming what is wrong and how to fix it */
  public StackSpec build() {
    if (replicas < 1 || replicas > LoadBalancedStack.MAX_REPLICAS) {
      throw new StackConfigurationException("replicas = " + replicas + " is out of range: use 1 to "
          + LoadBalancedStack.MAX_REPLICAS + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    WebSpec web = new WebSpec(source(), checkedPort(), checkedHealthPath(), pairs("env", env), defaultEnv);
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new StackConfigurationException("startup timeout " + startupTimeout + " must be positive.");
    }
    if (healthCheckInterval.toMillis() < 10) {
      throw new StackConfigurationException("health check interval " + healthCheckInterval
          + " is too short: use at least 10 ms.");
    }
    checkPlaceholders(web);
    return new StackSpec(replicas, web, images, startupTimeout, healthCheckInterval, balance, stickyCookie);
  }

  /** Expands every placeholder once with sample values, so a typo fails before any container exists. */
  private void checkPlaceholders(WebSpec web) {
    new WebEnvironment(web, images, "db", "user", "password").forReplica(1, "web-1");
    if (web.source() instanceof WebSource.FromDockerfile dockerfile) {
      Placeholders placeholders = new Placeholders(WebEnvironment.buildPlaceholders(web, images));
      dockerfile.buildArgs().forEach((name, raw) -> placeholders.expand("@Web(buildArgs) " + name, raw));
    }
  }

  private WebSource source() {
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
      throw new StackConfigurationException("no web tier given: set exactly one of @Web(image = \"app:tag\"), "
          + "@Web(dockerfile = \"path/to/Dockerfile\") or @Web(jar = \"target/app.jar\").");
    }
    if (given.size() > 1) {
      throw new StackConfigurationException("@Web gives " + String.join(" and ", given)
          + " at once: keep exactly one of image, dockerfile or jar.");
    }
    if (!buildArgs.isEmpty() && dockerfile.isBlank()) {
      throw new StackConfigurationException("@Web(buildArgs) only applies to a dockerfile, but the web tier is "
          + given.get(0) + ": remove buildArgs or build from a dockerfile.");
    }
    if (!image.isBlank()) {
      return new WebSource.FromImage(image.trim());
    }
    if (!dockerfile.isBlank()) {
      Path path = existingFile("dockerfile", dockerfile, "fix the path; it is resolved against the working directory");
      return new WebSource.FromDockerfile(path, pairs("buildArgs", buildArgs));
    }
    return new WebSource.FromJar(existingFile("jar", jar, "build the jar first (mvn package) or fix the path"));
  }

  private Path existingFile(String attribute, String value, String fix) {
    Path path = baseDirectory.resolve(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new StackConfigurationException("@Web(" + attribute + " = \"" + value + "\") does not exist (looked for "
          + path + "): " + fix + ".");
    }
    return path;
  }

  private int checkedPort() {
    if (port < 1 || port > 65535) {
      throw new StackConfigurationException("@Web(port = " + port + ") is not a TCP port: use 1 to 65535.");
    }
    return port;
  }

  private String checkedHealthPath() {
    if (!healthPath.startsWith("/") || healthPath.chars().anyMatch(Character::isWhitespace)) {
      throw new StackConfigurationException("@Web(healthPath = \"" + healthPath
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
        throw new StackConfigurationException("@Web(" + attribute + ") entry \"" + entry
            + "\" is not NAME=value: write it like \"SPRING_PROFILES_ACTIVE=test\".");
      }
      if (pairs.put(name, entry.substring(equals + 1)) != null) {
        throw new StackConfigurationException("@Web(" + attribute + ") sets " + name + " twice: keep one entry.");
      }
    }
    return pairs;
  }
}
