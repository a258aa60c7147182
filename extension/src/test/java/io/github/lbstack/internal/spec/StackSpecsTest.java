package io.github.lbstack.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.lb.HealthCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSpecsTest {

  @TempDir
  Path dir;

  private TestSpecs image() {
    return TestSpecs.image("app:1");
  }

  @Test
  void defaultsToThreeReplicasOfTheGivenImage() {
    StackSpec spec = image().build();

    assertThat(spec.replicas()).isEqualTo(3);
    assertThat(spec.web().source()).isEqualTo(new WebSource.FromImage("app:1"));
    assertThat(spec.web().port()).isEqualTo(8080);
    assertThat(spec.web().healthPath()).isEqualTo("/health");
    assertThat(spec.images()).isEqualTo(Images.defaults());
    assertThat(spec.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void resolvesAJarAgainstTheBaseDirectory() throws Exception {
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/app.jar"), "jar");

    StackSpec spec = TestSpecs.declare().set("jar", "target/app.jar").set("baseDirectory", dir).build();

    assertThat(spec.web().source()).isEqualTo(new WebSource.FromJar(dir.resolve("target/app.jar")));
  }

  @Test
  void runsNginxWithItsOwnImageAndRefusesWhatNginxCannotDo() {
    StackSpec nginx = image().set("lbKind", io.github.lbstack.internal.lb.LbKind.NGINX).build();
    assertThat(nginx.lbImage()).isEqualTo("nginx:1.28");
    assertThat(image().config("lbstack.image.nginx", "local/nginx:1.22").set("lbKind",
        io.github.lbstack.internal.lb.LbKind.NGINX).build().lbImage()).isEqualTo("local/nginx:1.22");

    assertThatThrownBy(() -> image().set("lbKind", io.github.lbstack.internal.lb.LbKind.NGINX)
        .set("stickyCookie", true).build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Lb(type = NGINX) cannot go with stickyCookie = true: nginx open source has no cookie persistence "
            + "(its 'sticky' directive is nginx Plus only); use balance = Balance.SOURCE (ip_hash) or HAProxy.");
    assertThatThrownBy(() -> image().set("lbKind", io.github.lbstack.internal.lb.LbKind.NGINX)
        .set("lbTls", true).build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Lb(type = NGINX) cannot go with @Lb(tls = true): lbstack's generated nginx.conf has no TLS; "
            + "for a TLS test on nginx, use your own nginx.conf with 'listen 8443 ssl' and ssl_certificate lines "
            + "(lbstack puts the stack's certificate there), or HAProxy.");
  }

  @Test
  void readsAUsersNginxConfAsNginxAndNamesAMissingUpstream() throws Exception {
    Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n  upstream shop {\n    server a:80;\n  }\n"
        + "  server {\n    listen 8081;\n    location / { proxy_pass http://shop; }\n  }\n}\n");
    TestSpecs nginx = image().set("lbKind", io.github.lbstack.internal.lb.LbKind.NGINX).set("baseDirectory", dir)
        .set("lbConfig", "nginx.conf");

    assertThat(nginx.set("lbBackend", "shop").build().lbConfig().orElseThrow().port()).isEqualTo(8081);
    assertThatThrownBy(() -> nginx.set("lbBackend", "app").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Lb(config = \"nginx.conf\") has no upstream app (@Lb(backend)): its upstreams are shop "
            + "(line 3). Name the upstream whose servers are your app's replicas.");
    assertThatThrownBy(() -> nginx.set("lbConfig", "missing.conf").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("@Lb(config = \"missing.conf\") does not exist (looked for ");
  }

  @Test
  void rejectsReplicasOutOfRange() {
    assertThatThrownBy(() -> image().set("replicas", 0).build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("replicas = 0 is out of range: use 1 to 16 (LoadBalancedStack.MAX_REPLICAS).");
    assertThatThrownBy(() -> image().set("replicas", 17).build())
        .hasMessageStartingWith("replicas = 17 is out of range");
  }

  @Test
  void rejectsNegativeSparesAndSparesBeyondTheLastSlot() {
    assertThatThrownBy(() -> image().set("spares", -1).build()).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("spares = -1 is out of range with replicas = 3: use 0 to 13");
    assertThat(image().set("replicas", 3).set("spares", 13).build().spares()).isEqualTo(13);
    assertThatThrownBy(() -> image().set("replicas", 3).set("spares", 14).build())
        .hasMessageStartingWith("spares = 14 is out of range with replicas = 3: use 0 to 13");
  }

  @Test
  void rejectsAMissingWebTier() {
    assertThatThrownBy(() -> TestSpecs.declare().build())
        .hasMessageStartingWith("no web tier given: set exactly one of @Web(image = \"app:tag\")");
  }

  @Test
  void rejectsTwoWebForms() {
    assertThatThrownBy(() -> image().set("jar", "app.jar").build())
        .hasMessage("@Web gives image and jar at once: keep exactly one of image, dockerfile or jar.");
  }

  @Test
  void rejectsPathsThatDoNotExist() {
    assertThatThrownBy(() -> TestSpecs.declare().set("jar", "target/missing.jar").set("baseDirectory", dir).build())
        .hasMessage("@Web(jar = \"target/missing.jar\") does not exist (looked for " + dir.resolve("target/missing.jar")
            + "): build the jar first (mvn package) or fix the path.");
    assertThatThrownBy(() -> TestSpecs.declare().set("dockerfile", "Dockerfile").set("baseDirectory", dir).build())
        .hasMessageStartingWith("@Web(dockerfile = \"Dockerfile\") does not exist");
  }

  @Test
  void takesDatabaseScriptsInTheirOrderWithTheirContentsHash() throws Exception {
    Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INT);");
    Files.writeString(dir.resolve("seed.sh"), "echo seeded");

    StackSpec spec = image().set("databaseInit", List.of("seed.sh", "schema.sql")).set("baseDirectory", dir).build();

    assertThat(spec.databaseInit()).extracting(InitScript::path)
        .containsExactly(dir.resolve("seed.sh"), dir.resolve("schema.sql"));
    assertThat(spec.databaseInit().get(0).containerPath(0)).isEqualTo("/docker-entrypoint-initdb.d/01-seed.sh");
    assertThat(spec.databaseInit().get(1).containerPath(1)).isEqualTo("/docker-entrypoint-initdb.d/02-schema.sql");

    Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id BIGINT);");
    assertThat(image().set("databaseInit", List.of("seed.sh", "schema.sql")).set("baseDirectory", dir).build())
        .as("an edited script is another stack").isNotEqualTo(spec);
  }

  @Test
  void rejectsDatabaseScriptsThatAreMissingOfAnotherKindOrWithoutADatabase() throws Exception {
    assertThatThrownBy(() -> image().set("databaseInit", List.of("db/schema.sql")).set("baseDirectory", dir).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("databaseInit = \"db/schema.sql\" does not exist (looked for " + dir.resolve("db/schema.sql")
            + "): fix the path; it is resolved against the working directory.");

    Files.writeString(dir.resolve("schema.txt"), "CREATE TABLE t (id INT);");
    assertThatThrownBy(() -> image().set("databaseInit", List.of("schema.txt")).set("baseDirectory", dir).build())
        .hasMessage("databaseInit = \"schema.txt\" is not a script the database runs: use .sql, .sql.gz, .sql.xz, "
            + ".sh files (the database image would skip any other).");

    Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INT);");
    assertThatThrownBy(() -> image().set("databaseInit", List.of("schema.sql")).set("database", DatabaseKind.NONE)
        .set("baseDirectory", dir).build())
        .hasMessage("databaseInit = \"schema.sql\" needs a database, but database = NONE: set database = "
            + "Database.MYSQL or Database.POSTGRES, or remove databaseInit.");
  }

  private static final String HAPROXY_CFG = """
      defaults
          mode http
      frontend www
          bind :8000
          default_backend app
      backend app
          server a a:8080
      backend other
          server b b:8080
      """;

  @Test
  void readsTheUsersLbConfigAndPicksThePortInFrontOfTheBackend() throws Exception {
    Files.writeString(dir.resolve("haproxy.cfg"), HAPROXY_CFG);

    StackSpec spec = image().set("lbConfig", "haproxy.cfg").set("lbBackend", "app").set("baseDirectory", dir).build();

    assertThat(spec.lbConfig()).contains(new UserLbConfig(dir.resolve("haproxy.cfg"), "haproxy.cfg", HAPROXY_CFG,
        "app", 8000));
    Files.writeString(dir.resolve("haproxy.cfg"), HAPROXY_CFG.replace("a:8080", "a:9090"));
    assertThat(image().set("lbConfig", "haproxy.cfg").set("lbBackend", "app").set("baseDirectory", dir).build())
        .as("an edited config is another stack").isNotEqualTo(spec);
    assertThat(image().build().lbConfig()).isEmpty();
  }

  @Test
  void rejectsAnLbConfigThatIsMissingNamesNoKnownBackendOrNeverReachesIt() throws Exception {
    assertThatThrownBy(() -> image().set("lbConfig", "lb/haproxy.cfg").set("lbBackend", "app")
        .set("baseDirectory", dir).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Lb(config = \"lb/haproxy.cfg\") does not exist (looked for " + dir.resolve("lb/haproxy.cfg")
            + "): fix the path; it is resolved against the working directory.");

    Files.writeString(dir.resolve("haproxy.cfg"), HAPROXY_CFG);
    assertThatThrownBy(() -> image().set("lbConfig", "haproxy.cfg").set("lbBackend", "web")
        .set("baseDirectory", dir).build())
        .hasMessage("@Lb(config = \"haproxy.cfg\") has no backend 'web' (its backends: app, other): set backend to "
            + "the one that holds your app's servers.");
    assertThatThrownBy(() -> image().set("lbConfig", "haproxy.cfg").set("baseDirectory", dir).build())
        .hasMessage("@Lb(config = \"haproxy.cfg\") names no backend: set backend to the one that holds your app's "
            + "servers (the file has app, other).");
    assertThatThrownBy(() -> image().set("lbConfig", "haproxy.cfg").set("lbBackend", "other")
        .set("baseDirectory", dir).build())
        .hasMessageStartingWith("@Lb(config = \"haproxy.cfg\") has no frontend that reaches backend 'other' (line 8)");
    assertThatThrownBy(() -> image().set("lbConfig", "haproxy.cfg").set("lbBackend", "app").set("lbPort", 80)
        .set("baseDirectory", dir).build())
        .hasMessage("@Lb(config = \"haproxy.cfg\") binds no port 80 (its ports: [8000]): set port to one the file "
            + "binds.");
    assertThatThrownBy(() -> image().set("lbBackend", "app").build())
        .hasMessage("@Lb(backend) applies to your own config file, but @Lb(config) is not set: set config to your "
            + "haproxy.cfg, or remove backend and port to use lbstack's generated one.");
  }

  private static ServiceDeclaration service(String name, String image, int port) {
    return new ServiceDeclaration(name, image, port, List.of("A=1"), List.of(), "", "");
  }

  @Test
  void takesOtherServicesWithTheirReadinessAndPlaceholders() {
    StackSpec spec = image().set("services", List.of(service("broker", "rabbitmq:4", 5672),
        new ServiceDeclaration("mail", "mailpit:1", 8025, List.of(), List.of(), "/livez", ""),
        new ServiceDeclaration("search", "opensearch:2", 9200, List.of(), List.of(), "", "started"))).build();

    assertThat(spec.services()).extracting(ServiceSpec::name, ServiceSpec::readiness).containsExactly(
        org.assertj.core.groups.Tuple.tuple("broker", new ServiceSpec.PortOpen()),
        org.assertj.core.groups.Tuple.tuple("mail", new ServiceSpec.HttpPath("/livez")),
        org.assertj.core.groups.Tuple.tuple("search", new ServiceSpec.LogLine("started")));
    assertThat(spec.services().get(0).env()).containsEntry("A", "1");
    assertThat(new WebEnvironment(spec, new WebEnvironment.Secrets("d", "u", "p")).placeholders(1))
        .containsEntry("service.broker.host", "broker").containsEntry("service.broker.port", "5672");
  }

  @Test
  void rejectsServicesWithoutImageWithABuiltInNameTwiceOrBadlyReady() {
    assertThatThrownBy(() -> image().set("services", List.of(service("broker", " ", 5672))).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Service(name = \"broker\") has no image: set image, such as \"rabbitmq:4\".");
    assertThatThrownBy(() -> image().set("services", List.of(service("redis", "redis:7", 6379))).build())
        .hasMessage("@Service(name = \"redis\") collides with lbstack's own redis on the stack's network: name the "
            + "service otherwise, such as \"redis-2\" or what it is (\"broker\", \"mail\").");
    assertThatThrownBy(() -> image().set("services", List.of(service("web-2", "x:1", 80))).build())
        .hasMessageStartingWith("@Service(name = \"web-2\") collides with lbstack's own web-2");
    assertThatThrownBy(() -> image().set("services", List.of(service("Broker", "x:1", 80))).build())
        .hasMessageStartingWith("@Service(name = \"Broker\") is not a service name");
    assertThatThrownBy(() -> image().set("services", List.of(service("a", "x:1", 80), service("a", "y:1", 81)))
        .build()).hasMessage("@Service(name = \"a\") is declared twice: give each service its own name.");
    assertThatThrownBy(() -> image().set("services", List.of(service("a", "x:1", 0))).build())
        .hasMessageStartingWith("@Service(name = \"a\") has port 0, which is not a TCP port");
    assertThatThrownBy(() -> image().set("services", List.of(new ServiceDeclaration("a", "x:1", 80, List.of(),
        List.of(), "/up", "ready"))).build()).hasMessage("@Service(name = \"a\") sets both readyPath and readyLog: "
        + "keep the one that says it is ready.");
    assertThatThrownBy(() -> image().set("services", List.of(new ServiceDeclaration("a", "x:1", 80, List.of("OOPS"),
        List.of(), "", ""))).build()).hasMessageStartingWith("@Service(name = \"a\", env) entry \"OOPS\" is not "
        + "NAME=value");
    assertThatThrownBy(() -> image().set("env", List.of("B=${service.brokr.host}"))
        .set("services", List.of(service("broker", "x:1", 80))).build())
        .hasMessageContaining("uses ${service.brokr.host}, but the stack has no such service");
  }

  @Test
  void rejectsMalformedEnvEntriesAndBuildArgsWithoutADockerfile() {
    assertThatThrownBy(() -> image().set("env", List.of("JUST_A_NAME")).build())
        .hasMessage("@Web(env) entry \"JUST_A_NAME\" is not NAME=value: write it like \"SPRING_PROFILES_ACTIVE=test\".");
    assertThatThrownBy(() -> image().set("env", List.of("A=1", "A=2")).build())
        .hasMessage("@Web(env) sets A twice: keep one entry.");
    assertThatThrownBy(() -> TestSpecs.declare().set("jar", "x").set("buildArgs", List.of("A=1")).build())
        .hasMessageStartingWith("@Web(buildArgs) only applies to a dockerfile");
  }

  @Test
  void rejectsAnUnknownPlaceholderBeforeAnythingStarts() {
    assertThatThrownBy(() -> image().set("env", List.of("URL=${mysql.url}")).build())
        .hasMessageStartingWith("@Web(env) URL uses unknown placeholder ${mysql.url}: use one of [");
  }

  @Test
  void rejectsBadPortsAndHealthPaths() {
    assertThatThrownBy(() -> image().set("port", 0).build()).hasMessage("@Web(port = 0) is not a TCP port: use 1 to 65535.");
    assertThatThrownBy(() -> image().set("healthPath", "health").build())
        .hasMessage("@Web(healthPath = \"health\") must be an absolute path without spaces, such as \"/health\".");
  }

  @Test
  void takesAVersionLabelAndRefusesOneWithSpaces() {
    assertThat(image().set("version", "1.4.2").build().web().version()).isEqualTo("1.4.2");
    assertThat(image().build().web().version()).isEmpty();
    assertThatThrownBy(() -> image().set("version", "1.4 beta").build())
        .hasMessage("@Web(version = \"1.4 beta\") has spaces: use a label such as \"1.4.2\" or \"v1\".");
  }

  @Test
  void readsImageOverridesAndIgnoresBlankOnes() {
    Images images = Images.from(new Configuration(key -> java.util.Optional.ofNullable(switch (key) {
      case "lbstack.image.mysql" -> "local/mariadb-as-mysql:10.11";
      case "lbstack.image.postgres" -> "local/postgres:15";
      case "lbstack.image.redis" -> "  ";
      default -> null;
    })));

    assertThat(images).isEqualTo(new Images("haproxy:3.2", "nginx:1.28", "local/mariadb-as-mysql:10.11", "local/postgres:15",
        "redis:7.4", "eclipse-temurin:17-jre", "nicolaka/netshoot:v0.13"));
  }

  @Test
  void takesTheWebSourceFromAConfigurationParameter() throws Exception {
    Files.writeString(dir.resolve("app.jar"), "jar");
    Configuration configuration = new Configuration(key -> java.util.Optional.ofNullable(
        key.equals("app.jar") ? dir.resolve("app.jar").toString() : null));

    StackSpec spec = StackSpecs.from(TestSpecs.declare().set("jar", "${app.jar}").declaration(), configuration);

    assertThat(spec.web().source()).isEqualTo(new WebSource.FromJar(dir.resolve("app.jar")));
  }

  @Test
  void namesTheConfigurationParameterThatIsMissingOrPointsNowhere() {
    Configuration configuration = new Configuration(key -> java.util.Optional.ofNullable(
        key.equals("app.jar") ? "/nowhere/app.jar" : null));

    assertThatThrownBy(() -> TestSpecs.declare().set("jar", "${no.such.key}").build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("@Web(jar = \"${no.such.key}\") reads configuration parameter no.such.key, which is not set: "
            + "pass -Dno.such.key=... to the test JVM (Surefire/Failsafe systemPropertyVariables), or set it in "
            + "junit-platform.properties.");
    assertThatThrownBy(() -> StackSpecs.from(TestSpecs.declare().set("jar", "${app.jar}").declaration(), configuration))
        .hasMessage("@Web(jar = \"${app.jar}\", which is \"/nowhere/app.jar\") does not exist (looked for "
            + "/nowhere/app.jar): build the jar first (mvn package) or fix the path.");
  }

  @Test
  void readsTablesToKeepOnResetFromTheConfiguration() {
    Configuration configuration = new Configuration(key -> java.util.Optional.ofNullable(
        key.equals("lbstack.reset.keep-tables") ? " schema_version, , audit " : null));

    assertThat(image().build().keepTables()).isEqualTo(StackSpec.DEFAULT_KEEP_TABLES);
    assertThat(StackSpecs.from(image().declaration(), configuration).keepTables()).containsExactly("schema_version", "audit");
  }

  @Test
  void startsAJarsJvmWithTestOptionsAndTrainsByDefaultAndTakesOthers() {
    assertThat(image().build().jarRuntime()).isEqualTo(new JarRuntime(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), true));
    assertThat(image().config("lbstack.web.jvm-options", " -Xmx256m  -Xss512k ").config("lbstack.web.train", "false")
        .build().jarRuntime()).isEqualTo(new JarRuntime(List.of("-Xmx256m", "-Xss512k"), false));
    assertThat(image().config("lbstack.web.jvm-options", "none").build().jarRuntime().jvmOptions())
        .as("the JVM's own defaults").isEmpty();
    assertThat(image().config("lbstack.web.jvm-options", " ").build().jarRuntime().jvmOptions())
        .as("blank, as for every key: the default").containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  @Test
  void rejectsJvmOptionsThatAreNotOptionsOrStartTheJarThemselves() {
    assertThatThrownBy(() -> image().config("lbstack.web.jvm-options", "-Xmx256m Xss512k").build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("lbstack.web.jvm-options has 'Xss512k', which is not a JVM option: each one starts with '-', "
            + "separated by spaces (for example \"-Xmx256m -XX:+UseSerialGC\"); 'none' starts the JVM with its own "
            + "defaults.");
    assertThatThrownBy(() -> image().config("lbstack.web.jvm-options", "-cp /x").build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("lbstack.web.jvm-options has '-cp': lbstack starts the jar itself with -jar");
  }

  @Test
  void equalDescriptionsGiveEqualSpecs() {
    assertThat(image().set("env", List.of("A=1")).build()).isEqualTo(image().set("env", List.of("A=1")).build())
        .isNotEqualTo(image().set("env", List.of("A=2")).build());
  }

  @Test
  void timesOutAHealthCheckAfterFourIntervalsAtLeastTwoSecondsUnlessConfigured() {
    assertThat(image().build().healthCheck()).isEqualTo(new HealthCheck(Duration.ofMillis(500), Duration.ofSeconds(2)));
    assertThat(image().config("lbstack.lb.health-check-interval", "PT1S").build().healthCheck())
        .isEqualTo(new HealthCheck(Duration.ofSeconds(1), Duration.ofSeconds(4)));
    assertThat(image().config("lbstack.lb.health-check-interval", "100").build().healthCheck().timeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(image().config("lbstack.lb.health-check-timeout", "5000").build().healthCheck())
        .isEqualTo(new HealthCheck(Duration.ofMillis(500), Duration.ofSeconds(5)));
    assertThat(image().config("lbstack.lb.health-check-timeout", "PT0.3S").build().healthCheck().timeout())
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void rejectsAHealthCheckTimeoutTooShortToAnswerIn() {
    assertThatThrownBy(() -> image().config("lbstack.lb.health-check-timeout", "5").build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("lbstack.lb.health-check-timeout = PT0.005S is too short: use at least 10 ms; leave it unset for "
            + "four health check intervals, at least 2 s.");
  }

  @Test
  void readsDurationsInIsoFormOrAsBareNumbers() {
    assertThat(Durations.parse("90", 1000)).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("PT0.25S", 1)).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("soon", 1)).isEmpty();
  }
}
