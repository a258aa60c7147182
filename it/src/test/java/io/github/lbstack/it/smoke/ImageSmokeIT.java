package io.github.lbstack.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.StackLabels;
import io.github.lbstack.it.ItImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import redis.clients.jedis.Jedis;

/**
 * Proves the pipe through Testcontainers for each image the stack uses (the local stand-ins in CI): start a real
 * container and talk to it with the real client, relying only on the official images' contract.
 */
class ImageSmokeIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static GenericContainer<?> container(String image, String service) {
    return new GenericContainer<>(DockerImageName.parse(image)).withLabels(java.util.Map.of(StackLabels.STACK, "smoke-it", StackLabels.SERVICE, service));
  }

  @Test
  void haproxyAnswersHttpWithTheConfigAtTheOfficialPath() throws Exception {
    String config = """
        defaults
            mode http
            timeout connect 2s
            timeout client 5s
            timeout server 5s
        frontend http
            bind :8080
            http-request return status 200 content-type text/plain string "smoke-ok"
        """;
    try (GenericContainer<?> haproxy = container(ItImages.haproxy(), "haproxy")
        .withCopyToContainer(Transferable.of(config), "/usr/local/etc/haproxy/haproxy.cfg")
        .withExposedPorts(8080)) {
      haproxy.start();
      URI uri = URI.create("http://" + haproxy.getHost() + ":" + haproxy.getMappedPort(8080) + "/");
      HttpResponse<String> response = Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()),
              r -> r.statusCode() == 200);
      assertThat(response.body()).isEqualTo("smoke-ok");
    }
  }

  @Test
  void redisAnswersPing() {
    try (GenericContainer<?> redis = container(ItImages.redis(), "redis").withExposedPorts(6379)
        .waitingFor(Wait.forListeningPort())) {
      redis.start();
      String reply = Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
        try (Jedis jedis = new Jedis(redis.getHost(), redis.getMappedPort(6379))) {
          return jedis.ping();
        }
      }, "PONG"::equals);
      assertThat(reply).isEqualTo("PONG");
    }
  }

  @Test
  void mysqlLogsInTheConfiguredUserAndRunsInitScripts() {
    String init = "CREATE TABLE smoke (greeting VARCHAR(20)); INSERT INTO smoke VALUES ('hello');";
    try (GenericContainer<?> mysql = container(ItImages.mysql(), "mysql")
        .withEnv("MYSQL_ROOT_PASSWORD", "root-secret")
        .withEnv("MYSQL_DATABASE", "smoke")
        .withEnv("MYSQL_USER", "smoker")
        .withEnv("MYSQL_PASSWORD", "smoker-secret")
        .withCopyToContainer(Transferable.of(init), "/docker-entrypoint-initdb.d/01-smoke.sql")
        .withExposedPorts(3306)) {
      mysql.start();
      String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306)
          + "/smoke?sslMode=DISABLED&allowPublicKeyRetrieval=true";
      String greeting = Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
        try (Connection connection = DriverManager.getConnection(url, "smoker", "smoker-secret");
            ResultSet one = connection.createStatement().executeQuery("SELECT 1");
            ResultSet row = connection.createStatement().executeQuery("SELECT greeting FROM smoke")) {
          one.next();
          row.next();
          return one.getInt(1) == 1 ? row.getString(1) : null;
        }
      }, value -> value != null);
      assertThat(greeting).isEqualTo("hello");
    }
  }

  @Test
  void jreRunsATinyJavaHttpApp() {
    Path jar = Path.of("target/it-app.jar");
    assertThat(jar).as("the it module's app jar, built in the package phase").isRegularFile();
    try (GenericContainer<?> jre = container(ItImages.jre(), "jre")
        .withCopyFileToContainer(MountableFile.forHostPath(jar), "/app/app.jar")
        .withCommand("java", "-jar", "/app/app.jar")
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName("smoke-jre"))
        .withExposedPorts(8080)) {
      jre.start();
      URI uri = URI.create("http://" + jre.getHost() + ":" + jre.getMappedPort(8080) + "/");
      HttpResponse<String> response = Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()),
              r -> r.statusCode() == 200);
      assertThat(response.body()).isEqualTo("smoke-jre");
    }
  }
}
