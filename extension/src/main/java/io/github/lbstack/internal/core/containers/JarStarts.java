package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.spec.ConfigKeys;
import io.github.lbstack.internal.spec.JarRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * How a stack starts the JVMs of jar images, and the start-up that learns from the last run. Without a trained image,
 * one replica of the first stack that runs a jar image records the classes its JVM loads
 * ({@code -XX:ArchiveClassesAtExit}, or on Java 25 {@code -XX:AOTCacheOutput}: {@link ClassArchive}); when that
 * stack closes, the replica is stopped gracefully, which makes the JVM
 * write the archive, and the archive goes into an image derived from the jar image. Later replicas start from that
 * image and map the classes from the archive ({@code -XX:SharedArchiveFile}, {@code -XX:AOTCache}) instead of
 * loading them again.
 *
 * <p>The trained image is named after the jar image, which is keyed by the jar's content and the JRE image, and after
 * the JVM options: a changed jar, JRE or option set trains again and never runs on a stale archive. A JVM that finds
 * an archive it cannot use says so and starts without it. The recording is a real start against the stack, so an
 * app that needs its database at start trains on the path it really takes.
 */
public final class JarStarts {

  private static final Logger LOG = Log.LBSTACK;
  /** The archive kind of each jar image, by the Java version of its JRE. */
  private static final Map<String, ClassArchive> ARCHIVES = new ConcurrentHashMap<>();
  /** A JVM writes its archive after its shutdown hooks; a Spring app's takes a few seconds on two cores. */
  private static final Duration WRITE_GRACE = Duration.ofSeconds(60);
  /** Trained images on each engine, and those being trained by a stack of this JVM: each is trained once. */
  private static final Set<String> TRAINED = ConcurrentHashMap.newKeySet();
  private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();

  /** One replica recording its class loading, to be made into {@code trainedImage} when the stack closes. */
  private record Recording(String hostname, String jarImage, String trainedImage, ClassArchive archive) {}

  /** What a replica of a jar image runs. */
  public record Launch(String image, List<String> command) {}

  private final String stackId;
  private final JarRuntime runtime;
  private final Backend backend;
  private final boolean mayRecord;
  private volatile Recording recording;
  /** Trained images this stack found missing: asked once per stack, not once per replica. */
  private final Set<String> missing = new java.util.HashSet<>();

  /** @param mayRecord false for a stack kept for later runs: its replicas are never stopped by it */
  public JarStarts(String stackId, JarRuntime runtime, Backend backend, boolean mayRecord) {
    this.stackId = stackId;
    this.runtime = runtime;
    this.backend = backend;
    this.mayRecord = mayRecord;
  }

  /** {@return the image and command of replica {@code hostname} of {@code jarImage}} */
  public synchronized Launch launch(String jarImage, String hostname) {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(runtime.jvmOptions());
    String image = jarImage;
    if (runtime.train() && backend.supportsTraining()) {
      String trained = trainedImage(jarImage, runtime.jvmOptions());
      String key = backend.describe() + " " + trained;
      ClassArchive archive = ARCHIVES.computeIfAbsent(backend.describe() + " " + jarImage,
          described -> backend.imageConfig(jarImage).map(config -> ClassArchive.forImage(config.env()))
              .orElse(ClassArchive.CDS));
      if (archive == ClassArchive.AOT && runtime.jvmOptions().stream().anyMatch(ClassArchive::conflictsWithAot)) {
        // The JVM refuses to start with both; the user's own archive options win.
        if (missing.add(trained)) {
          LOG.info("lbstack {}: {} starts untrained: {} has class data sharing options, which Java 25's AOT cache "
              + "cannot be used with", stackId, jarImage, ConfigKeys.WEB_JVM_OPTIONS);
        }
      } else if (TRAINED.contains(key) || !missing.contains(trained) && backend.hasImage(trained)) {
        TRAINED.add(key);
        image = trained;
        command.add(archive.useOption());
      } else if (missing.add(trained) && mayRecord && recording == null && CLAIMED.add(key)) {
        recording = new Recording(hostname, jarImage, trained, archive);
        command.add(archive.recordOption());
        LOG.info("lbstack {}: {} records the classes it loads, so later starts of {} skip loading them ({}=false "
            + "turns this off)", stackId, hostname, jarImage, ConfigKeys.WEB_TRAIN);
      }
    }
    command.add("-jar");
    command.add(WebImages.jarPathIn(jarImage));
    return new Launch(image, List.copyOf(command));
  }

  /**
   * At the stack's close, before its containers go: stops the recording replica gracefully, so its JVM writes the
   * archive, and builds the trained image from it. A replica that is gone, or a JVM that wrote nothing, leaves the
   * jar untrained; a later stack records again.
   *
   * @param replicas the stack's containers by service name
   */
  public void finish(Function<String, Optional<Container>> replicas) {
    Recording done = recording;
    if (done == null) {
      return;
    }
    recording = null;
    String key = backend.describe() + " " + done.trainedImage();
    long start = System.nanoTime();
    Path context = null;
    try {
      Container replica = replicas.apply(done.hostname()).orElseThrow(
          () -> new IllegalStateException(done.hostname() + " is no longer part of the stack"));
      if (!replica.state().running()) {
        // Paused by a drill, or stopped: a frozen JVM cannot take the signal, a stopped one wrote nothing since.
        throw new IllegalStateException(done.hostname() + " is " + replica.state().status().name().toLowerCase(
            java.util.Locale.ROOT) + ", not running");
      }
      replica.stop(WRITE_GRACE);
      context = Files.createTempDirectory("lbstack-trained-image");
      String file = done.archive().file();
      replica.copyFileOut(done.archive().recording(), context.resolve(file));
      Path dockerfile = Files.writeString(context.resolve("Dockerfile"),
          "FROM " + done.jarImage() + "\nCOPY " + file + " " + done.archive().inImage() + "\n", StandardCharsets.UTF_8);
      backend.buildImage(dockerfile, Map.of(), done.trainedImage(), Map.of(Labels.SESSION, Labels.SESSION_ID));
      TRAINED.add(key);
      LOG.info("lbstack {}: trained image {} made from {}'s start in {} ms ({} KiB of classes)", stackId,
          done.trainedImage(), done.hostname(), (System.nanoTime() - start) / 1_000_000,
          Files.size(context.resolve(file)) / 1024);
    } catch (RuntimeException | IOException e) {
      LOG.info("lbstack {}: no trained image of {} this time ({}); a later stack records again", stackId,
          done.jarImage(), e.getMessage());
    } finally {
      CLAIMED.remove(key);
      WebImages.deleteQuietly(context);
    }
  }

  /** {@return the trained image of {@code jarImage} started with {@code options}} */
  static String trainedImage(String jarImage, List<String> options) {
    return jarImage + "-trained-" + Digests.sha256(8, List.of(Digests.utf8(String.join(" ", options))));
  }
}
