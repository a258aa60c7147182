package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.ImageConfig;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.spec.ConfigKeys;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.StackSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The database that starts warm. A database image initialises its data directory at its first start (system tables,
 * a cluster), which is most of its start. lbstack does that once per image: it derives an image whose build ran the
 * image's own entrypoint into a data directory kept in a layer, and whose entrypoint copies that directory in and
 * makes only the stack's database, user and passwords from the official variables before it hands over to the image's
 * entrypoint. Later stacks, in this run and the next, start from it.
 *
 * <p>The derived image is named after the base image's id and the recipe, so an updated base image (a new pull, a
 * rebuilt stand-in) or a changed recipe warms again, and never runs old data under a new server. A stack with init
 * scripts starts cold: the image runs them only on a fresh data directory.
 */
public final class DatabaseImages {

  private static final Logger LOG = Log.LBSTACK;
  /** The label that marks an image lbstack derived to start warm, with the base image as its value. */
  public static final String WARM_OF = "io.github.lbstack.warm-of";
  static final String SCRIPT = "warm-database.sh";
  /** The exit code of the build step when the image has init scripts of its own (see the script). */
  private static final int HAS_SCRIPTS = 3;
  private static final String SCRIPT_IN_IMAGE = "/usr/local/bin/lbstack-warm-database.sh";
  /** The script, read from the jar once: its bytes are part of every warm tag, computed at each stack's start. */
  private static final byte[] SCRIPT_BYTES = script();
  /** Warm images by engine and base image, and bases that could not be warmed in this JVM (tried once). */
  private static final Map<String, Optional<String>> WARM = new ConcurrentHashMap<>();

  private DatabaseImages() {}

  /** {@return the image the stack's database runs: the warm one where it can be, else the database image} */
  public static String resolve(String stackId, StackSpec spec, Backend backend) {
    String base = spec.databaseImage();
    if (!spec.hasDatabase() || !spec.warmDatabase()) {
      return base;
    }
    if (!spec.databaseInit().isEmpty()) {
      LOG.info("lbstack {}: {} starts cold, as its init scripts run only on a fresh data directory", stackId,
          spec.database().service());
      return base;
    }
    Optional<ImageConfig> config = backend.imageConfig(base);
    if (config.isEmpty()) {
      return base;
    }
    String tag = warmTag(spec.database(), base, config.get());
    return WARM.computeIfAbsent(backend.describe() + " " + tag,
        key -> warm(stackId, spec.database(), base, config.get(), tag, backend)).orElse(base);
  }

  /** {@return the warm image's tag: the base image's id and the recipe, so either one changed warms again} */
  static String warmTag(DatabaseKind kind, String base, ImageConfig config) {
    return "lbstack-db:" + kind.key() + "-" + Digests.sha256(16, List.of(Digests.utf8(config.id()), SCRIPT_BYTES,
        Digests.utf8(dockerfile(kind, base, config))));
  }

  private static Optional<String> warm(String stackId, DatabaseKind kind, String base, ImageConfig config, String tag,
      Backend backend) {
    if (backend.hasImage(tag)) {
      return Optional.of(tag);
    }
    if (config.entrypoint().isEmpty()) {
      LOG.info("lbstack {}: {} starts cold: {} has no entrypoint, so it does not initialise its data as the official "
          + "image does", stackId, kind.service(), base);
      return Optional.empty();
    }
    long start = System.nanoTime();
    LOG.info("lbstack {}: warming {} once: its data directory is initialised in a derived image, {}, which later "
        + "stacks start from ({}=false turns this off)", stackId, base, tag, ConfigKeys.DATABASE_WARM);
    Path context = null;
    try {
      context = Files.createTempDirectory("lbstack-warm-database");
      Files.write(context.resolve(SCRIPT), SCRIPT_BYTES);
      Path dockerfile = Files.writeString(context.resolve("Dockerfile"), dockerfile(kind, base, config));
      backend.buildImage(dockerfile, Map.of(), tag, Map.of(Labels.SESSION, Labels.SESSION_ID, WARM_OF, base));
      LOG.info("lbstack {}: warm image {} of {} made in {} ms", stackId, tag, base,
          (System.nanoTime() - start) / 1_000_000);
      return Optional.of(tag);
    } catch (IOException | RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("non-zero code: " + HAS_SCRIPTS)) {
        LOG.info("lbstack {}: {} starts cold: {} has scripts of its own in /docker-entrypoint-initdb.d, which run only "
            + "on a fresh data directory", stackId, kind.service(), base);
      } else {
        LOG.warn("lbstack {}: {} starts cold: could not warm {} ({})", stackId, kind.service(), base, e.getMessage());
      }
      return Optional.empty();
    } finally {
      WebImages.deleteQuietly(context);
    }
  }

  /**
   * The derived image: the script, a build step that initialises the data, and the script as the entrypoint in front of
   * the image's own. Setting an entrypoint clears the inherited command, so the image's command is set again.
   */
  static String dockerfile(DatabaseKind kind, String base, ImageConfig config) {
    List<String> around = new ArrayList<>(List.of(kind.service(), String.valueOf(config.entrypoint().size())));
    around.addAll(config.entrypoint());
    List<String> init = new ArrayList<>(List.of("bash", SCRIPT_IN_IMAGE, "init"));
    init.addAll(around);
    init.addAll(config.command());
    List<String> entrypoint = new ArrayList<>(List.of("bash", SCRIPT_IN_IMAGE, "start"));
    entrypoint.addAll(around);
    return "FROM " + base + "\n"
        + "USER root\n"
        + "COPY " + SCRIPT + " " + SCRIPT_IN_IMAGE + "\n"
        + "RUN " + json(init) + "\n"
        + "ENTRYPOINT " + json(entrypoint) + "\n"
        + "CMD " + json(config.command()) + "\n"
        + (config.user().isEmpty() ? "" : "USER " + config.user() + "\n");
  }

  private static String json(List<String> words) {
    return words.stream().map(word -> "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static byte[] script() {
    try (InputStream in = DatabaseImages.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from lbstack's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("lbstack could not read its " + SCRIPT, e);
    }
  }
}
