package io.github.lbstack.samples.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spring shop's image started as a user would start it by hand, without lbstack: MySQL and Redis first (not
 * timed: the shop needs them at start), then three containers of the image at once, timed until each one's
 * {@code /actuator/health} answers 200. What lbstack's stack adds on top is the ratio to its ready time.
 */
final class BareStarts {

  private BareStarts() {}

  /** @return milliseconds from the first of the three {@code docker run}s until all three are healthy */
  static double threeAtOnce(String image, List<String> command) throws Exception {
    String network = "lbstack-bench-bare-" + System.nanoTime();
    List<String> containers = new ArrayList<>();
    Setup.run(List.of("docker", "network", "create", network));
    try {
      String mysql = Setup.run(List.of("docker", "run", "-d", "--network", network, "--network-alias", "mysql",
          "-p", "127.0.0.1::3306", "--tmpfs", "/var/lib/mysql", "-e", "MYSQL_ROOT_PASSWORD=root-secret",
          "-e", "MYSQL_DATABASE=shop", "-e", "MYSQL_USER=shop", "-e", "MYSQL_PASSWORD=shop-secret", Setup.MYSQL))
          .strip();
      containers.add(mysql);
      containers.add(Setup.run(List.of("docker", "run", "-d", "--network", network, "--network-alias", "redis",
          Setup.REDIS)).strip());
      String port = published(mysql, 3306);
      String jdbc = "jdbc:mysql://127.0.0.1:" + port + "/shop?sslMode=DISABLED&allowPublicKeyRetrieval=true";
      Ready.poll(System.nanoTime() + Ready.LIMIT.toNanos(), "bare mysql", () -> {
        try (var connection = DriverManager.getConnection(jdbc, "shop", "shop-secret")) {
          return connection.isValid(1);
        }
      });
      long start = System.nanoTime();
      List<String> apps = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--network", network, "-p",
            "127.0.0.1::8080", "-e", "DB_HOST=mysql", "-e", "DB_PORT=3306", "-e", "DB_DATABASE=shop", "-e",
            "DB_USERNAME=shop", "-e", "DB_PASSWORD=shop-secret", "-e", "REDIS_HOST=redis", "-e", "REDIS_PORT=6379",
            image));
        run.addAll(command);
        String app = Setup.run(run).strip();
        containers.add(app);
        apps.add(app);
      }
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      long deadline = System.nanoTime() + Ready.LIMIT.toNanos();
      for (String app : apps) {
        URI health = URI.create("http://127.0.0.1:" + published(app, 8080) + "/actuator/health");
        Ready.poll(deadline, "bare " + app, () -> client.send(HttpRequest.newBuilder(health)
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
      }
      return (System.nanoTime() - start) / 1e6;
    } finally {
      if (!containers.isEmpty()) {
        List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
        remove.addAll(containers);
        Setup.run(remove);
      }
      Setup.run(List.of("docker", "network", "rm", network));
    }
  }

  /** {@return the host port Docker published {@code port} of {@code container} on} */
  static String published(String container, int port) throws Exception {
    String mapping = Setup.run(List.of("docker", "port", container, port + "/tcp")).strip().split("\n")[0];
    return mapping.substring(mapping.lastIndexOf(':') + 1);
  }
}
