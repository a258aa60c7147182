package io.github.lbstack;

import io.github.lbstack.internal.core.Stacks;
import io.github.lbstack.internal.core.readiness.StartupFailedException;
import io.github.lbstack.internal.spec.Balancing;
import io.github.lbstack.internal.spec.Configuration;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.InvalidSpecException;
import io.github.lbstack.internal.lb.LbKind;
import io.github.lbstack.internal.spec.ServiceDeclaration;
import io.github.lbstack.internal.spec.StackDeclaration;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.StackSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A stack described in code: everything {@link LoadBalancedStack} says, for stacks whose details are only known at
 * run time. Start it yourself, or hand it to JUnit:
 *
 * <pre>{@code
 * // In a test class: one stack for the class, its clients injected as with @LoadBalancedStack.
 * @RegisterExtension
 * static StackExtension stack = StackDefinition.builder()
 *     .replicas(3)
 *     .jar(Path.of(System.getProperty("app.jar")))
 *     .build()
 *     .extension();
 *
 * // Anywhere: a stack you own.
 * try (RunningStack stack = StackDefinition.builder().image("shop:1.4").build().start()) {
 *   given(stack.lb()).get("/").then().statusCode(200);
 * }
 * }</pre>
 *
 * <p>A definition is immutable; settings not given here (images, timeouts) come from the configuration parameters
 * in {@link LoadBalancedStack}'s {@code *_PROPERTY} constants: JUnit's inside a test run, system properties in
 * {@link #start()}. Validation runs when the stack starts, before any container exists, and fails with
 * {@link StackConfigurationException}.
 */
public final class StackDefinition {

  private final StackDeclaration declaration;
  /** Settings that contradict each other, found while building; reported where every definition is validated. */
  private final String contradiction;

  private StackDefinition(StackDeclaration declaration, String contradiction) {
    this.declaration = declaration;
    this.contradiction = contradiction;
  }

  /** {@return a builder whose every setting starts at the annotation's default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the stack and returns once it is ready. Close it to remove it; a shutdown hook removes it too when the
   * JVM exits first.
   *
   * @return the started stack, ready
   * @throws StackConfigurationException for a definition that cannot work, before anything starts
   * @throws StackStartupException when it is not ready within {@code lbstack.startup.timeout}; nothing is left
   */
  public RunningStack start() {
    StackSpec spec = spec(Configuration.systemProperties(), "StackDefinition");
    try {
      return new RunningStackImpl(stacks(Configuration.systemProperties(), "StackDefinition").start(spec), true);
    } catch (StartupFailedException e) {
      throw new StackStartupException(e.getMessage(), e);
    } catch (InvalidSpecException e) {
      // Found by a check that needs the platform, such as the balancer's own check of the user's file.
      throw new StackConfigurationException("StackDefinition: " + e.getMessage(), e);
    }
  }

  /**
   * lbstack's core on the backend the configuration selects ({@code lbstack.backend}).
   *
   * @throws StackConfigurationException naming {@code where} when the backend is unknown
   */
  static Stacks stacks(Configuration configuration, String where) {
    try {
      return Stacks.of(configuration);
    } catch (IllegalArgumentException e) {
      throw new StackConfigurationException(where + ": " + e.getMessage(), e);
    }
  }

  /** {@return an extension for {@code @RegisterExtension} that brings this stack up for the class that registers it} */
  public StackExtension extension() {
    return new StackExtension(this);
  }

  boolean disabledWithoutDocker() {
    return declaration.disabledWithoutDocker();
  }

  /** The one model behind this definition. */
  StackDeclaration declaration() {
    return declaration;
  }

  /**
   * The validated spec, with settings from the given configuration.
   *
   * @param where names the definition in messages, for example the annotated class
   */
  StackSpec spec(Configuration configuration, String where) {
    try {
      if (contradiction != null) {
        throw new InvalidSpecException(contradiction);
      }
      return StackSpecs.from(declaration, configuration);
    } catch (InvalidSpecException e) {
      throw new StackConfigurationException(where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StackDefinition definition && declaration.equals(definition.declaration);
  }

  @Override
  public int hashCode() {
    return declaration.hashCode();
  }

  @Override
  public String toString() {
    return "StackDefinition" + declaration.toString().substring("StackDeclaration".length());
  }

  /** Collects a definition; every setting has the same default as the annotation's attribute of the same name. */
  public static final class Builder {

    private static final StackDeclaration D = StackDeclaration.DEFAULTS;

    private int replicas = D.replicas();
    private int spares = D.spares();
    private String image = D.image();
    private String dockerfile = D.dockerfile();
    private List<String> buildArgs = D.buildArgs();
    private String jar = D.jar();
    private String version = D.version();
    private int port = D.port();
    private String healthPath = D.healthPath();
    private List<String> env = D.env();
    private boolean defaultEnv = D.defaultEnv();
    private Balance balance = Balance.valueOf(D.balance().name());
    private boolean stickyCookie = D.stickyCookie();
    private String lbConfig = D.lbConfig();
    private String lbBackend = D.lbBackend();
    private int lbPort = D.lbPort();
    private boolean lbTls = D.lbTls();
    private LbType lbType = LbType.valueOf(D.lbKind().name());
    private Database database = Database.MYSQL;
    private boolean mysql = true;
    private boolean redis = D.redis();
    private List<ServiceDeclaration> services = D.services();
    private List<String> databaseInit = D.databaseInit();
    private boolean disabledWithoutDocker = D.disabledWithoutDocker();
    private Path baseDirectory = D.baseDirectory();

    private Builder() {}

    /**
     * See {@link LoadBalancedStack#replicas()}.
     *
     * @param replicas how many replicas, from 1 to {@link io.github.lbstack.LoadBalancedStack#MAX_REPLICAS}
     * @return this builder
     */
    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /**
     * See {@link LoadBalancedStack#spares()}.
     *
     * @param spares how many paused spares to keep
     * @return this builder
     */
    public Builder spares(int spares) {
      this.spares = spares;
      return this;
    }

    /**
     * The web tier is an existing image; see {@link Web#image()}.
     *
     * @param image the image, such as {@code "shop:1.4"}
     * @return this builder
     */
    public Builder image(String image) {
      this.image = Objects.requireNonNull(image, "image");
      return this;
    }

    /**
     * The web tier is built from a Dockerfile; see {@link Web#dockerfile()} and {@link Web#buildArgs()}.
     *
     * @param buildArgs {@code "NAME=value"} build arguments
     * @param dockerfile the Dockerfile, relative to the base directory
     * @return this builder
     */
    public Builder dockerfile(String dockerfile, String... buildArgs) {
      this.dockerfile = Objects.requireNonNull(dockerfile, "dockerfile");
      this.buildArgs = List.of(buildArgs);
      return this;
    }

    /**
     * The web tier is built from a Dockerfile at a path; see {@link #dockerfile(String, String...)}.
     *
     * @param buildArgs {@code "NAME=value"} build arguments
     * @param dockerfile the Dockerfile, relative to the base directory
     * @return this builder
     */
    public Builder dockerfile(Path dockerfile, String... buildArgs) {
      return dockerfile(Objects.requireNonNull(dockerfile, "dockerfile").toString(), buildArgs);
    }

    /**
     * The web tier is a runnable jar; see {@link Web#jar()}.
     *
     * @param jar the runnable jar, relative to the base directory
     * @return this builder
     */
    public Builder jar(String jar) {
      this.jar = Objects.requireNonNull(jar, "jar: the path is null; was a system property not set?");
      return this;
    }

    /**
     * The web tier is a runnable jar at a path; see {@link #jar(String)}.
     *
     * @param jar the runnable jar, relative to the base directory
     * @return this builder
     */
    public Builder jar(Path jar) {
      return jar(Objects.requireNonNull(jar, "jar: the path is null; was a system property not set?").toString());
    }

    /**
     * See {@link Web#version()}.
     *
     * @param version the label of the version the replicas run, such as {@code "1.4.2"}
     * @return this builder
     */
    public Builder webVersion(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * See {@link Web#port()}.
     *
     * @param port the port the app listens on
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * See {@link Web#healthPath()}.
     *
     * @param healthPath the path the lb checks, such as {@code "/health"}
     * @return this builder
     */
    public Builder healthPath(String healthPath) {
      this.healthPath = Objects.requireNonNull(healthPath, "healthPath");
      return this;
    }

    /**
     * Extra {@code "NAME=value"} entries for every replica; see {@link Web#env()}. Replaces earlier entries.
     *
     * @param entries {@code "NAME=value"} entries
     * @return this builder
     */
    public Builder env(String... entries) {
      this.env = List.of(entries);
      return this;
    }

    /**
     * See {@link Web#defaultEnv()}.
     *
     * @param defaultEnv whether the replicas get lbstack's {@code DB_*} and {@code REDIS_*} variables
     * @return this builder
     */
    public Builder defaultEnv(boolean defaultEnv) {
      this.defaultEnv = defaultEnv;
      return this;
    }

    /**
     * See {@link LoadBalancedStack#balance()}.
     *
     * @param balance how the lb picks a replica
     * @return this builder
     */
    public Builder balance(Balance balance) {
      this.balance = Objects.requireNonNull(balance, "balance");
      return this;
    }

    /**
     * See {@link LoadBalancedStack#stickyCookie()}.
     *
     * @param stickyCookie whether the lb pins each client with a cookie
     * @return this builder
     */
    public Builder stickyCookie(boolean stickyCookie) {
      this.stickyCookie = stickyCookie;
      return this;
    }

    /**
     * See {@link LoadBalancedStack#database()}.
     *
     * @param database the stack's database, or {@link Database#NONE}
     * @return this builder
     * @throws NullPointerException for {@code null}: use {@link Database#NONE} for a stack without one
     */
    public Builder database(Database database) {
      this.database = Objects.requireNonNull(database, "database: use Database.MYSQL, Database.POSTGRES or "
          + "Database.NONE");
      return this;
    }

    /**
     * See {@link LoadBalancedStack#mysql()}.
     *
     * @param mysql whether the stack has a MySQL database
     * @return this builder
     * @deprecated use {@link #database(Database)}: {@code database(Database.NONE)} for {@code mysql(false)}
     */
    @Deprecated(since = "0.2.0")
    public Builder mysql(boolean mysql) {
      this.mysql = mysql;
      return this;
    }

    /**
     * See {@link LoadBalancedStack#redis()}.
     *
     * @param redis whether the stack has Redis
     * @return this builder
     */
    public Builder redis(boolean redis) {
      this.redis = redis;
      return this;
    }

    /**
     * Runs your own load balancer configuration instead of a generated one; see {@link Lb}.
     *
     * @param config your {@code haproxy.cfg}, relative to the base directory
     * @param backend the backend (or listen section) in it whose servers are the app's replicas
     * @return this builder
     */
    public Builder lb(String config, String backend) {
      this.lbConfig = Objects.requireNonNull(config, "config");
      this.lbBackend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * See {@link Lb#port()}.
     *
     * @param port a port your configuration binds, or 0 to take the first plain one in front of the backend
     * @return this builder
     */
    public Builder lbPort(int port) {
      this.lbPort = port;
      return this;
    }

    /**
     * See {@link Lb#type()}.
     *
     * @param type the balancer that fronts the replicas
     * @return this builder
     */
    public Builder lbType(LbType type) {
      this.lbType = Objects.requireNonNull(type, "type: use LbType.HAPROXY or LbType.NGINX");
      return this;
    }

    /**
     * See {@link Lb#tls()}.
     *
     * @param tls whether the generated config also terminates TLS
     * @return this builder
     */
    public Builder lbTls(boolean tls) {
      this.lbTls = tls;
      return this;
    }

    /**
     * Other services the app needs; see {@link Service}. Replaces earlier ones.
     *
     * @param services each one's definition
     * @return this builder
     */
    public Builder services(ServiceDefinition... services) {
      this.services = java.util.Arrays.stream(services).map(ServiceDefinition::declaration).toList();
      return this;
    }

    /**
     * Scripts the database runs once, before the replicas start; see {@link LoadBalancedStack#databaseInit()}.
     * Replaces earlier scripts.
     *
     * @param scripts {@code .sql}, {@code .sql.gz}, {@code .sql.xz} or {@code .sh} files, relative to the base
     *     directory, run in this order
     * @return this builder
     */
    public Builder databaseInit(String... scripts) {
      this.databaseInit = List.of(scripts);
      return this;
    }

    /**
     * See {@link LoadBalancedStack#disabledWithoutDocker()}; only used by {@link StackDefinition#extension()}.
     *
     * @param disabledWithoutDocker whether to skip, rather than fail, without a Docker engine
     * @return this builder
     */
    public Builder disabledWithoutDocker(boolean disabledWithoutDocker) {
      this.disabledWithoutDocker = disabledWithoutDocker;
      return this;
    }

    /**
     * Directory that relative jar and Dockerfile paths are resolved against; default: the working directory.
     *
     * @param baseDirectory what relative paths are resolved against
     * @return this builder
     */
    public Builder baseDirectory(Path baseDirectory) {
      this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
      return this;
    }

    /** {@return the definition as collected so far; the builder can go on and build another} */
    public StackDefinition build() {
      // The retired mysql = false means no database; beside another database it says two things at once.
      boolean contradicts = !mysql && database == Database.POSTGRES;
      DatabaseKind kind = mysql ? DatabaseKind.valueOf(database.name()) : DatabaseKind.NONE;
      return new StackDefinition(new StackDeclaration(replicas, spares, image, dockerfile, buildArgs, jar, version, port,
          healthPath, env, defaultEnv, Balancing.valueOf(balance.name()), stickyCookie, lbConfig, lbBackend, lbPort,
          lbTls, LbKind.valueOf(lbType.name()), kind, redis, services, databaseInit, disabledWithoutDocker, baseDirectory),
          contradicts ? "mysql = false (no database) contradicts database = POSTGRES: remove mysql, which is "
              + "deprecated; use database = Database.NONE for a stack without a database." : null);
    }

    /** {@return shorthand for {@code build().start()}} */
    public RunningStack start() {
      return build().start();
    }
  }

  /** The definition an annotation describes: one conversion, so both front ends validate alike. */
  @SuppressWarnings("deprecation") // mysql = false keeps working
  static StackDefinition of(LoadBalancedStack annotation) {
    Web web = annotation.web();
    return builder()
        .replicas(annotation.replicas())
        .spares(annotation.spares())
        .image(web.image())
        .dockerfile(web.dockerfile(), web.buildArgs())
        .jar(web.jar())
        .webVersion(web.version())
        .port(web.port())
        .healthPath(web.healthPath())
        .env(web.env())
        .defaultEnv(web.defaultEnv())
        .balance(annotation.balance())
        .stickyCookie(annotation.stickyCookie())
        .lb(annotation.lb().config(), annotation.lb().backend())
        .lbPort(annotation.lb().port())
        .lbTls(annotation.lb().tls())
        .lbType(annotation.lb().type())
        .database(annotation.database())
        .mysql(annotation.mysql())
        .redis(annotation.redis())
        .services(java.util.Arrays.stream(annotation.services()).map(ServiceDefinition::of)
            .toArray(ServiceDefinition[]::new))
        .databaseInit(annotation.databaseInit())
        .disabledWithoutDocker(annotation.disabledWithoutDocker())
        .build();
  }
}
