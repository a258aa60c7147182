package io.github.lbstack.internal.engine;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import io.github.lbstack.internal.spec.WebSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the web source into an image to run. A Dockerfile is built once per JVM for the same context content and
 * build arguments, and the image is tagged by that content, so later runs find it built.
 */
final class WebImages {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

  private WebImages() {}

  /** @return the image to run; for a jar, the JRE image (the jar is copied into each container) */
  static String resolve(StackSpec spec, WebEnvironment environment, Backend backend) {
    WebSource source = spec.web().source();
    if (source instanceof WebSource.FromImage image) {
      return image.image();
    }
    if (source instanceof WebSource.FromJar) {
      return spec.images().jre();
    }
    WebSource.FromDockerfile dockerfile = (WebSource.FromDockerfile) source;
    Map<String, String> args = environment.buildArgs(dockerfile);
    String tag = "lbstack-web:" + fingerprint(dockerfile.dockerfile().getParent(), args);
    return BUILT.computeIfAbsent(tag, key -> {
      long start = System.nanoTime();
      LOG.info("lbstack: building web image {} from {} (unless it exists)", key, dockerfile.dockerfile());
      backend.buildImage(dockerfile.dockerfile(), args, key, Map.of(Labels.SESSION, Labels.SESSION_ID));
      LOG.info("lbstack: web image {} ready in {} ms", key, (System.nanoTime() - start) / 1_000_000);
      return key;
    });
  }

  /** Hash of every file in the build context and the build arguments. */
  private static String fingerprint(Path context, Map<String, String> args) {
    try (Stream<Path> files = Files.walk(context)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(context.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      digest.update(args.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read the build context " + context, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
