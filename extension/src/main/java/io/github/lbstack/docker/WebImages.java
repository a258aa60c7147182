package io.github.lbstack.docker;

import io.github.lbstack.config.StackSpec;
import io.github.lbstack.config.WebSource;
import io.github.lbstack.env.Placeholders;
import io.github.lbstack.env.WebEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Turns the web source into an image name. A Dockerfile is built once per JVM for the same context content and build
 * arguments; the image is tagged by that content, so Docker's layer cache makes later runs quick too.
 */
final class WebImages {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

  private WebImages() {}

  /** @return the image to run; for a jar, the JRE image (the jar is copied in per container) */
  static String resolve(StackSpec spec) {
    WebSource source = spec.web().source();
    if (source instanceof WebSource.FromImage image) {
      return image.image();
    }
    if (source instanceof WebSource.FromJar) {
      return spec.images().jre();
    }
    WebSource.FromDockerfile dockerfile = (WebSource.FromDockerfile) source;
    Placeholders placeholders = new Placeholders(WebEnvironment.buildPlaceholders(spec.web(), spec.images()));
    Map<String, String> args = new TreeMap<>();
    dockerfile.buildArgs().forEach((name, raw) -> args.put(name, placeholders.expand("@Web(buildArgs) " + name, raw)));
    Path context = dockerfile.dockerfile().getParent();
    String tag = "lbstack-web:" + fingerprint(context, args);
    return BUILT.computeIfAbsent(tag, key -> build(dockerfile.dockerfile(), args, key));
  }

  private static String build(Path dockerfile, Map<String, String> args, String tag) {
    long start = System.nanoTime();
    LOG.info("lbstack: building web image {} from {}", tag, dockerfile);
    // docker-java tars the context itself (honouring .dockerignore) and reports build errors from awaitImageId.
    BuildImageCmd build = DockerClientFactory.instance().client()
        .buildImageCmd(dockerfile.getParent().toFile())
        .withDockerfile(dockerfile.toFile())
        .withTags(Set.of(tag))
        .withLabels(Map.of(Labels.SESSION, Labels.SESSION_ID));
    args.forEach(build::withBuildArg);
    try {
      build.exec(new BuildImageResultCallback()).awaitImageId(10, TimeUnit.MINUTES);
    } catch (RuntimeException e) {
      throw new IllegalStateException("lbstack could not build the web image from " + dockerfile + ": " + e.getMessage()
          + ". Run `docker build -f " + dockerfile + " " + dockerfile.getParent() + "` to see the full error.", e);
    }
    LOG.info("lbstack: built web image {} in {} ms", tag, (System.nanoTime() - start) / 1_000_000);
    return tag;
  }

  /** Hash of every file in the build context and the build arguments. */
  private static String fingerprint(Path context, Map<String, String> args) {
    try (Stream<Path> files = Files.walk(context)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(context.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      digest.update(args.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read the build context " + context, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
