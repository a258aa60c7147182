package io.github.lbstack.internal.spec;

import io.github.lbstack.internal.lb.HealthCheck;
import io.github.lbstack.internal.lb.LbKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link StackDeclaration} and the configuration into a validated {@link StackSpec}, in one place, so every
 * front end gets the same error messages. Nothing here touches Docker.
 */
public final class StackSpecs {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private final StackDeclaration declared;
  private final Configuration configuration;

  private StackSpecs(StackDeclaration declared, Configuration configuration) {
    this.declared = declared;
    this.configuration = configuration;
  }

  /**
   * The validated spec of a declaration, with images, timeouts and reset settings read from the configuration and
   * {@code ${key}} references in the web source resolved against it.
   *
   * @throws InvalidSpecException naming what is wrong and how to fix it
   */
  public static StackSpec from(StackDeclaration declared, Configuration configuration) {
    return new StackSpecs(declared, configuration).build();
  }

  private StackSpec build() {
    int replicas = declared.replicas();
    int spares = declared.spares();
    int max = StackSpec.MAX_REPLICAS;
    if (replicas < 1 || replicas > max) {
      throw new InvalidSpecException("replicas = " + replicas + " is out of range: use 1 to " + max
          + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    if (spares < 0 || replicas + spares > max) {
      throw new InvalidSpecException("spares = " + spares + " is out of range with replicas = " + replicas
          + ": use 0 to " + (max - replicas) + ", so that replicas + spares stay within " + max
          + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    LbKind lbKind = lbKind();
    Optional<UserLbConfig> lbConfig = lbConfig();
    WebSpec web = new WebSpec(source(), checkedVersion(), checkedPort(), checkedHealthPath(),
        pairs("@Web(env)", declared.env()), declared.defaultEnv());
    Duration startupTimeout = configuration.duration(ConfigKeys.STARTUP_TIMEOUT, 1000,
        StackSpec.DEFAULT_STARTUP_TIMEOUT);
    Duration healthCheckInterval = configuration.duration(ConfigKeys.HEALTH_CHECK_INTERVAL, 1,
        StackSpec.DEFAULT_HEALTH_CHECK_INTERVAL);
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new InvalidSpecException("startup timeout " + startupTimeout + " must be positive.");
    }
    if (healthCheckInterval.toMillis() < 10) {
      throw new InvalidSpecException("health check interval " + healthCheckInterval
          + " is too short: use at least 10 ms.");
    }
    Duration healthCheckTimeout = configuration.duration(ConfigKeys.HEALTH_CHECK_TIMEOUT, 1,
        HealthCheck.defaultTimeout(healthCheckInterval));
    if (healthCheckTimeout.toMillis() < 10) {
      throw new InvalidSpecException(ConfigKeys.HEALTH_CHECK_TIMEOUT + " = " + healthCheckTimeout
          + " is too short: use at least 10 ms; leave it unset for four health check intervals, at least 2 s.");
    }
    StackSpec spec = new StackSpec(replicas, web, Images.from(configuration), startupTimeout,
        new HealthCheck(healthCheckInterval, healthCheckTimeout),
        declared.balance(), lbKind, declared.stickyCookie(), lbConfig, lbTls(lbConfig), declared.database(), declared.redis(),
        services(), databaseInit(),
        configuration.list(ConfigKeys.RESET_KEEP_TABLES, StackSpec.DEFAULT_KEEP_TABLES),
        configuration.choice(ConfigKeys.RESET_MODE, ResetMode::parse,
            java.util.Arrays.stream(ResetMode.values()).map(ResetMode::key).toList(), ResetMode.DEFAULT),
        configuration.bool(ConfigKeys.DATABASE_FAST, configuration.bool(ConfigKeys.MYSQL_FAST, true)),
        configuration.bool(ConfigKeys.DATABASE_WARM, true), spares,
        configuration.choice(ConfigKeys.STARTUP_ORDER, StartOrder::parse,
            java.util.Arrays.stream(StartOrder.values()).map(StartOrder::key).toList(), StartOrder.DEFAULT),
        JarRuntime.from(configuration));
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
    String image = resolved("image", declared.image());
    String dockerfile = resolved("dockerfile", declared.dockerfile());
    String jar = resolved("jar", declared.jar());
    List<String> buildArgs = declared.buildArgs();
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
      Path path = existingFile("dockerfile", declared.dockerfile(), dockerfile,
          "fix the path; it is resolved against the working directory");
      return new WebSource.FromDockerfile(path, pairs("@Web(buildArgs)", buildArgs));
    }
    return new WebSource.FromJar(existingFile("jar", declared.jar(), jar,
        "build the jar first (mvn package) or fix the path"));
  }

  /**
   * Replaces {@code ${key}} in a web source with the configuration parameter (or system property) {@code key}, so a
   * build can hand in a path it only knows at run time.
   */
  private String resolved(String attribute, String value) {
    return resolved("@Web(", attribute, value);
  }

  /** @param element how messages name the setting, up to its attribute, such as {@code "@Web("} */
  private String resolved(String element, String attribute, String value) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1).trim();
      String replacement = configuration.string(key).orElseThrow(() -> new InvalidSpecException(element + attribute
          + " = \"" + value + "\") reads configuration parameter " + key + ", which is not set: pass -D" + key
          + "=... to the test JVM (Surefire/Failsafe systemPropertyVariables), or set it in "
          + "junit-platform.properties."));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Path existingFile(String attribute, String given, String value, String fix) {
    Path path = declared.baseDirectory().resolve(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      String shown = "\"" + given + "\"" + (given.equals(value) ? "" : ", which is \"" + value + "\"");
      throw new InvalidSpecException("@Web(" + attribute + " = " + shown + ") does not exist (looked for " + path
          + "): " + fix + ".");
    }
    return path;
  }

  /** The user's balancer file, read and checked for what lbstack needs from it; HAProxy checks the rest at start. */
  private Optional<UserLbConfig> lbConfig() {
    String given = declared.lbConfig();
    if (given.isBlank()) {
      if (!declared.lbBackend().isBlank() || declared.lbPort() != 0) {
        throw new InvalidSpecException("@Lb(" + (declared.lbBackend().isBlank() ? "port" : "backend")
            + ") applies to your own config file, but @Lb(config) is not set: set config to your haproxy.cfg, or "
            + "remove backend and port to use lbstack's generated one.");
      }
      return Optional.empty();
    }
    String shown = "@Lb(config = \"" + given + "\")";
    Path path = declared.baseDirectory().resolve(given).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new InvalidSpecException(shown + " does not exist (looked for " + path
          + "): fix the path; it is resolved against the working directory.");
    }
    String text;
    try {
      text = Files.readString(path);
    } catch (java.io.IOException e) {
      throw new InvalidSpecException(shown + " could not be read (" + e + "): check its permissions.");
    }
    int port;
    try {
      port = declared.lbKind().balancer().frontendPort(given, text, declared.lbBackend(), declared.lbPort());
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(shown + " " + e.getMessage());
    }
    return Optional.of(new UserLbConfig(path, given, text, declared.lbBackend(), port));
  }

  /** The balancer, once what it cannot do of this definition is ruled out. */
  private LbKind lbKind() {
    LbKind kind = declared.lbKind();
    kind.balancer().unsupported(declared.stickyCookie(), declared.lbTls() && declared.lbConfig().isBlank())
        .ifPresent(reason -> {
          throw new InvalidSpecException("@Lb(type = " + kind.name() + ") cannot go with " + reason + ".");
        });
    return kind;
  }

  private boolean lbTls(Optional<UserLbConfig> user) {
    if (user.isEmpty()) {
      return declared.lbTls();
    }
    if (declared.lbTls()) {
      throw new InvalidSpecException("@Lb(tls = true) is for lbstack's generated config, but @Lb(config = \""
          + declared.lbConfig() + "\") is yours: remove tls, and write " + (declared.lbKind() == LbKind.NGINX
              ? "'listen 8443 ssl;' and 'ssl_certificate <file>;' (and ssl_certificate_key)" : "'bind :8443 ssl crt <file>'")
          + " in your file; lbstack puts the stack's certificate at <file>.");
    }
    return !declared.lbKind().balancer().certificates(user.get().shown(), user.get().text()).isEmpty();
  }

  /** Names lbstack's own containers have on the stack's network; a service must not shadow one. */
  private static final Pattern BUILT_IN = Pattern.compile("lb|lb-check|mysql|postgres|redis|network|web-\\d+");
  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  private List<ServiceSpec> services() {
    List<ServiceSpec> services = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ServiceDeclaration service : declared.services()) {
      String name = service.name();
      String at = "@Service(name = \"" + name + "\")";
      if (!SERVICE_NAME.matcher(name).matches()) {
        throw new InvalidSpecException(at + " is not a service name: use lower-case letters, digits and '-', starting "
            + "with a letter, at most 31 characters; the replicas reach the service by it.");
      }
      if (BUILT_IN.matcher(name).matches()) {
        throw new InvalidSpecException(at + " collides with lbstack's own " + name + " on the stack's network: name "
            + "the service otherwise, such as \"" + name + "-2\" or what it is (\"broker\", \"mail\").");
      }
      if (!names.add(name)) {
        throw new InvalidSpecException(at + " is declared twice: give each service its own name.");
      }
      String image = resolved("@Service(name = \"" + name + "\", ", "image", service.image()).trim();
      if (image.isEmpty()) {
        throw new InvalidSpecException(at + " has no image: set image, such as \"rabbitmq:4\".");
      }
      if (service.port() < 1 || service.port() > 65535) {
        throw new InvalidSpecException(at + " has port " + service.port() + ", which is not a TCP port: set the port "
            + "it listens on, 1 to 65535.");
      }
      if (!service.readyPath().isEmpty() && !service.readyLog().isEmpty()) {
        throw new InvalidSpecException(at + " sets both readyPath and readyLog: keep the one that says it is ready.");
      }
      if (!service.readyPath().isEmpty() && !service.readyPath().startsWith("/")) {
        throw new InvalidSpecException(at + " has readyPath \"" + service.readyPath() + "\": use an absolute path, "
            + "such as \"/health\".");
      }
      ServiceSpec.Readiness readiness = !service.readyPath().isEmpty() ? new ServiceSpec.HttpPath(service.readyPath())
          : !service.readyLog().isEmpty() ? new ServiceSpec.LogLine(service.readyLog()) : new ServiceSpec.PortOpen();
      services.add(new ServiceSpec(name, image, service.port(),
          pairs("@Service(name = \"" + name + "\", env)", service.env()), service.command(), readiness));
    }
    return services;
  }

  private List<InitScript> databaseInit() {
    List<String> given = declared.databaseInit();
    if (given.isEmpty()) {
      return List.of();
    }
    if (!declared.database().present()) {
      throw new InvalidSpecException("databaseInit = " + quoted(given) + " needs a database, but database = NONE: "
          + "set database = Database.MYSQL or Database.POSTGRES, or remove databaseInit.");
    }
    List<InitScript> scripts = new ArrayList<>();
    for (String script : given) {
      Path path = declared.baseDirectory().resolve(script).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path)) {
        throw new InvalidSpecException("databaseInit = \"" + script + "\" does not exist (looked for " + path
            + "): fix the path; it is resolved against the working directory.");
      }
      String name = path.getFileName().toString();
      if (InitScript.SUFFIXES.stream().noneMatch(name::endsWith)) {
        throw new InvalidSpecException("databaseInit = \"" + script + "\" is not a script the database runs: use "
            + String.join(", ", InitScript.SUFFIXES) + " files (the database image would skip any other).");
      }
      scripts.add(InitScript.of(path));
    }
    return scripts;
  }

  private static String quoted(List<String> values) {
    return values.size() == 1 ? "\"" + values.get(0) + "\""
        : values.stream().map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  private int checkedPort() {
    int port = declared.port();
    if (port < 1 || port > 65535) {
      throw new InvalidSpecException("@Web(port = " + port + ") is not a TCP port: use 1 to 65535.");
    }
    return port;
  }

  private String checkedVersion() {
    String version = declared.version();
    if (version.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new InvalidSpecException("@Web(version = \"" + version + "\") has spaces: use a label such as \"1.4.2\" "
          + "or \"v1\".");
    }
    return version;
  }

  private String checkedHealthPath() {
    String healthPath = declared.healthPath();
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
        throw new InvalidSpecException(attribute + " entry \"" + entry
            + "\" is not NAME=value: write it like \"SPRING_PROFILES_ACTIVE=test\".");
      }
      if (pairs.put(name, entry.substring(equals + 1)) != null) {
        throw new InvalidSpecException(attribute + " sets " + name + " twice: keep one entry.");
      }
    }
    return pairs;
  }
}
