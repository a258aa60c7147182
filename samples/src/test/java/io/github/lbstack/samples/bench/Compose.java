package io.github.lbstack.samples.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The seed's way: {@code docker-compose up --scale web=3} with an equivalent compose file. */
final class Compose implements Variant {

  @Override
  public String name() {
    return "docker-compose --scale web=3";
  }

  @Override
  public Running start() throws Exception {
    Path config = Setup.tempFile("haproxy.cfg", Setup.haproxyConfig(true));
    Path file = config.getParent().resolve("docker-compose.yml");
    Files.writeString(file, """
        version: "2.4"
        services:
          lb:
            image: %s
            ports: ["127.0.0.1::8080"]
            volumes: ["./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"]
            depends_on: [web]
          web:
            image: %s
            environment: {DB_HOST: mysql, DB_PORT: "3306", DB_DATABASE: %s, DB_USERNAME: %s, DB_PASSWORD: %s,
                          REDIS_HOST: redis, REDIS_PORT: "6379"}
            depends_on: [mysql, redis]
          mysql:
            image: %s
            ports: ["127.0.0.1::3306"]
            environment: {MYSQL_ROOT_PASSWORD: root-secret, MYSQL_DATABASE: %s, MYSQL_USER: %s, MYSQL_PASSWORD: %s}
          redis:
            image: %s
            ports: ["127.0.0.1::6379"]
        """.formatted(Setup.HAPROXY, Setup.APP, Setup.DB, Setup.USER, Setup.PASSWORD, Setup.MYSQL, Setup.DB,
        Setup.USER, Setup.PASSWORD, Setup.REDIS));
    String project = "lbbench" + UUID.randomUUID().toString().substring(0, 8);
    List<String> compose = List.of("docker-compose", "-p", project, "-f", file.toString());
    Setup.run(concat(compose, "up", "-d", "--scale", "web=3"));
    Ready.await("jdbc:mysql://localhost:" + port(compose, "mysql", 3306) + "/" + Setup.DB
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", Setup.USER, Setup.PASSWORD, "localhost",
        port(compose, "redis", 6379), URI.create("http://localhost:" + port(compose, "lb", 8080)), 3);
    URI lb = URI.create("http://localhost:" + port(compose, "lb", 8080));
    return new Running() {
      @Override
      public void scaleTo(int replicas) throws Exception {
        Setup.run(concat(compose, "up", "-d", "--no-recreate", "--scale", "web=" + replicas));
        Ready.await("jdbc:mysql://localhost:" + port(compose, "mysql", 3306) + "/" + Setup.DB
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", Setup.USER, Setup.PASSWORD, "localhost",
            port(compose, "redis", 6379), lb, replicas);
      }

      @Override
      public void close() throws Exception {
        Setup.run(concat(compose, "down", "-v", "-t", "10"));
      }
    };
  }

  private static int port(List<String> compose, String service, int port) throws Exception {
    String address = Setup.run(concat(compose, "port", service, String.valueOf(port))).trim();
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
