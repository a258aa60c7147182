package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.Log;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * Turns the web source into an image to run. A Dockerfile is built once per JVM for the same context content and
 * build arguments, and the image is tagged by that content, so later runs find it built.
 */
public final class WebImages {

  private static final Logger LOG = Log.LBSTACK;
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();
  /** A jar's image tag and whether it is a Spring Boot jar, by the jar's version and the JRE. */
  private static final ByFileVersion<JarImage> JAR_IMAGES = new ByFileVersion<>();
  /** A build context's hash, by every file's version and the build arguments. */
  private static final ByFileVersion<String> CONTEXTS = new ByFileVersion<>();

  /**
   * Values computed from files, such as a hash of a jar of tens of megabytes, kept while every file's path, size and
   * modification time stay the same: reading the files again at every stack start was most of the test JVM's CPU.
   */
  private static final class ByFileVersion<T> {
    private final Map<List<Object>, T> values = new ConcurrentHashMap<>();

    T get(List<Path> files, List<Object> also, java.util.function.Supplier<T> compute) throws IOException {
      List<Object> version = new java.util.ArrayList<>(also);
      for (Path file : files) {
        version.add(List.of(file, Files.size(file), Files.getLastModifiedTime(file)));
      }
      return values.computeIfAbsent(version, key -> compute.get());
    }
  }

  private record JarImage(String tag, boolean boot) {}

  private WebImages() {}

  /** @return the image to run */
  public static String resolve(StackSpec spec, WebEnvironment environment, Backend backend) {
    WebSource source = spec.web().source();
    if (source instanceof WebSource.FromImage image) {
      return image.image();
    }
    if (source instanceof WebSource.FromJar jar) {
      return jarImage(jar.jar(), spec.images().jre(), backend);
    }
    WebSource.FromDockerfile dockerfile = (WebSource.FromDockerfile) source;
    Map<String, String> args = environment.buildArgs(dockerfile);
    String tag = "lbstack-web:" + fingerprint(dockerfile.dockerfile().getParent(), args);
    // Per backend: an image built on one engine is not on another.
    return BUILT.computeIfAbsent(backend.describe() + " " + tag, built -> {
      String key = tag;
      long start = System.nanoTime();
      LOG.info("lbstack: building web image {} from {} (unless it exists)", key, dockerfile.dockerfile());
      backend.buildImage(dockerfile.dockerfile(), args, key, Map.of(Labels.SESSION, Labels.SESSION_ID));
      LOG.info("lbstack: web image {} ready in {} ms", key, (System.nanoTime() - start) / 1_000_000);
      return key;
    });
  }

  /**
   * An image of the JRE with the jar in it, built once per jar content and JRE image. Copying a big jar into every
   * replica's container took longer than starting the replica; an image layer is shared by all of them, and by
   * later runs. A Spring Boot jar (3.3 or later) is also extracted at build time, as Spring Boot advises for class
   * data sharing: classes its nested-jar loader defines cannot come from an archive, those on a plain class path can.
   */
  public static String jarImage(Path jar, String jre, Backend backend) {
    JarImage jarImage = jarImage(jar, jre);
    String tag = jarImage.tag();
    boolean boot = jarImage.boot();
    if (boot) {
      BOOT_IMAGES.add(tag);
    }
    return BUILT.computeIfAbsent(backend.describe() + " " + tag, built -> {
      String key = tag;
      long start = System.nanoTime();
      Path context = null;
      try {
        context = Files.createTempDirectory("lbstack-jar-image");
        Files.copy(jar, context.resolve("app.jar"));
        String extract = !boot ? ""
            // A jar built without Boot's tools (includeTools=false) still runs, from a copy where the command looks.
            : "RUN java -Djarmode=tools -jar " + ContainerSpecs.JAR_PATH + " extract --destination "
                + BOOT_DIRECTORY + " || (mkdir -p " + BOOT_DIRECTORY + " && cp " + ContainerSpecs.JAR_PATH + " "
                + BOOT_JAR + ")\n";
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM " + jre + "\n"
            + "COPY app.jar " + ContainerSpecs.JAR_PATH + "\n"
            + extract
            + "CMD [\"java\", \"-jar\", \"" + jarPath(boot) + "\"]\n");
        LOG.info("lbstack: building web image {} from {} on {} (unless it exists)", key, jar.getFileName(), jre);
        backend.buildImage(dockerfile, Map.of(), key, Map.of(Labels.SESSION, Labels.SESSION_ID));
      } catch (IOException e) {
        throw new UncheckedIOException("lbstack could not prepare the image of " + jar, e);
      } finally {
        deleteQuietly(context);
      }
      LOG.info("lbstack: web image {} ready in {} ms", key, (System.nanoTime() - start) / 1_000_000);
      return key;
    });
  }

  /** Where an extracted Spring Boot jar lives in its image. */
  static final String BOOT_DIRECTORY = "/app/boot";
  static final String BOOT_JAR = BOOT_DIRECTORY + "/app.jar";
  /** Part of every jar image's tag: a change to how the image is laid out must not find an image of the old one. */
  private static final String LAYOUT = "layout 2: Spring Boot extracted";
  /** Jar images built from a Spring Boot jar, so a replica's command points at the extracted jar. */
  private static final java.util.Set<String> BOOT_IMAGES = ConcurrentHashMap.newKeySet();

  /** {@return where the jar that {@code java -jar} runs is in {@code jarImage}} */
  static String jarPathIn(String jarImage) {
    return jarPath(BOOT_IMAGES.contains(jarImage));
  }

  private static String jarPath(boolean boot) {
    return boot ? BOOT_JAR : ContainerSpecs.JAR_PATH;
  }

  /** Whether the jar is a Spring Boot 3.3+ executable jar, which Boot's own tools extract. */
  private static boolean extractsAsSpringBoot(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      String version = manifest == null ? null : manifest.getMainAttributes().getValue("Spring-Boot-Version");
      if (version == null) {
        return false;
      }
      String[] parts = version.split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
      return major > 3 || major == 3 && minor >= 3;
    } catch (IOException | RuntimeException e) {
      // Not a jar Java can read as one, or an odd version: run it as it is; java -jar says what is wrong with it.
      return false;
    }
  }

  /** The tag of a jar's image, a hash of its content and the JRE image, and whether Boot's tools extract it. */
  private static JarImage jarImage(Path jar, String jre) {
    try {
      return JAR_IMAGES.get(List.of(jar), List.of(jre), () -> {
        try {
          return new JarImage("lbstack-web:jar-" + Digests.sha256(16, List.of(Files.readAllBytes(jar),
              Digests.utf8(jre), Digests.utf8(LAYOUT))), extractsAsSpringBoot(jar));
        } catch (IOException e) {
          throw new UncheckedIOException("lbstack could not read the jar " + jar, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read the jar " + jar, e);
    }
  }


  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory; the OS cleans it eventually.
    }
  }

  /** Hash of every file in the build context and the build arguments. */
  static String fingerprint(Path context, Map<String, String> args) {
    try (Stream<Path> walk = Files.walk(context)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      return CONTEXTS.get(files, List.of(context, args), () -> hash(context, files, args));
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read the build context " + context, e);
    }
  }

  private static String hash(Path context, List<Path> files, Map<String, String> args) {
    try {
      List<byte[]> parts = new java.util.ArrayList<>();
      for (Path file : files) {
        parts.add(Digests.utf8(context.relativize(file).toString()));
        parts.add(Files.readAllBytes(file));
      }
      parts.add(Digests.utf8(args.toString()));
      return Digests.sha256(16, parts);
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read the build context " + context, e);
    }
  }

}
