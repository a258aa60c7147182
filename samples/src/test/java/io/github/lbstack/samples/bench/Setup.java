package io.github.lbstack.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What every variant shares: the images, the app image, the credentials and a hand-written haproxy.cfg. */
final class Setup {

  static final Path SAMPLES = Path.of(System.getProperty("samples.basedir", "")).toAbsolutePath();
  static final Path DOCKERFILE = SAMPLES.resolve("target/docker/Dockerfile");
  static final Path JAR = SAMPLES.resolve("target/docker/quickstart.jar");
  static final String HAPROXY = System.getProperty("lbstack.image.haproxy", "haproxy:3.2");
  static final String MYSQL = System.getProperty("lbstack.image.mysql", "mysql:8.4");
  static final String REDIS = System.getProperty("lbstack.image.redis", "redis:7.4");
  static final String JRE = System.getProperty("lbstack.image.jre", "eclipse-temurin:17-jre");
  static final String APP = "lbstack-bench/quickstart:latest";
  static final String DB = "quickstart";
  static final String USER = "bench";
  static final String PASSWORD = "bench-secret";

  private Setup() {}

  /** The quickstart image the baselines run, built the way a user would, with docker build. */
  static void buildAppImage() throws IOException, InterruptedException {
    run(List.of("docker", "build", "-q", "-t", APP, "--build-arg", "BASE_IMAGE=" + JRE,
        DOCKERFILE.getParent().toString()));
  }

  /** A haproxy.cfg as users write it by hand: fixed servers, or a server template for compose's scaling. */
  static String haproxyConfig(boolean template) {
    String servers = template
        ? "  server-template web- 16 web:8080 check resolvers docker init-addr none\n"
        : "  server web-1 web-1:8080 check resolvers docker init-addr last,libc,none\n"
            + "  server web-2 web-2:8080 check resolvers docker init-addr last,libc,none\n"
            + "  server web-3 web-3:8080 check resolvers docker init-addr last,libc,none\n";
    return "global\n  log stdout format raw local0\n"
        + "defaults\n  mode http\n  timeout connect 2s\n  timeout client 30s\n  timeout server 30s\n"
        + "resolvers docker\n  nameserver dns 127.0.0.11:53\n  hold valid 1s\n"
        + "frontend http\n  bind :8080\n  default_backend web\n"
        + "backend web\n  balance roundrobin\n  option httpchk GET /health\n"
        + "  default-server inter 500ms rise 1 fall 2\n" + servers;
  }

  static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  static Path tempFile(String name, String content) throws IOException {
    Path dir = Files.createTempDirectory("lbstack-bench");
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
