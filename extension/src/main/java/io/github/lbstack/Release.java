package io.github.lbstack;

import io.github.lbstack.internal.spec.ReleaseSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A version of the web tier to deploy over a running stack with {@link RunningStack#rollOut(Release)}, and how to
 * deploy it. The new replicas get the stack's environment (the {@code DB_*} and {@code REDIS_*} contract and
 * {@code @Web(env)}), with this release's {@link #env(String...)} entries over it.
 *
 * <pre>{@code
 * Rollout rollout = stack.rollOut(Release.image("shop:2.0").version("2.0"));
 * Rollout rollout = stack.rollOut(Release.jar("target/shop-2.0.jar").version("2.0").inBatchesOf(2));
 * }</pre>
 */
public final class Release {

  private final String image;
  private final Path jar;
  private final Map<String, String> env = new LinkedHashMap<>();
  private String version = "";
  private int batchSize = 1;
  private Duration drainLimit = Duration.ofSeconds(30);
  private Duration readyTimeout;

  private Release(String image, Path jar) {
    this.image = image;
    this.jar = jar;
  }

  /**
   * A release that runs an image, which must exist on the stack's engine or be pullable.
   *
   * @param image the image, such as {@code "shop:2.0"}
   * @return a release of that image, labelled with it until {@link #version(String)} says otherwise
   * @throws IllegalArgumentException when the name is blank
   */
  public static Release image(String image) {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("Release.image(\"" + image + "\"): name an image, such as \"shop:2.0\"");
    }
    return new Release(image.strip(), null);
  }

  /**
   * A release that runs a jar with {@code java -jar} on the stack's JRE image, as {@code @Web(jar)} does.
   *
   * @param jar the runnable jar, relative to the working directory
   * @return a release of that jar
   * @throws IllegalArgumentException when no file is there
   */
  public static Release jar(String jar) {
    Objects.requireNonNull(jar, "jar");
    Path path = Path.of(jar).toAbsolutePath().normalize();
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new IllegalArgumentException("Release.jar(\"" + jar + "\"): no file at " + path
          + "; build the jar first, or give its path relative to " + Path.of("").toAbsolutePath());
    }
    return new Release(null, path);
  }

  /**
   * The label replicas of this release report ({@link Replica#version()}) and traffic runs record; default: the
   * image.
   *
   * @param version a label without spaces, such as {@code "2.0"}
   * @return this release, for chaining
   */
  public Release version(String version) {
    if (version == null || version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("Release.version(\"" + version + "\"): use a label without spaces, such as "
          + "\"2.0\"");
    }
    this.version = version;
    return this;
  }

  /**
   * Environment entries for this release's replicas, over the stack's; values may use the placeholders of
   * {@code @Web(env)}.
   *
   * @param entries each {@code "NAME=value"}
   * @return this release, for chaining
   */
  public Release env(String... entries) {
    for (String entry : entries) {
      int equals = entry == null ? -1 : entry.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("Release.env(\"" + entry + "\"): write each entry as NAME=value");
      }
      env.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return this;
  }

  /**
   * How many replicas are replaced at once; default 1. New replicas start before old ones leave, so the stack
   * briefly runs this many more.
   *
   * @param batchSize 1 or more
   * @return this release, for chaining
   */
  public Release inBatchesOf(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("Release.inBatchesOf(" + batchSize + "): use 1 or more");
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * How long an old replica may take to finish the requests it has before it is removed anyway; default 30 s.
   *
   * @param drainLimit a positive duration
   * @return this release, for chaining
   */
  public Release drainLimit(Duration drainLimit) {
    this.drainLimit = positive("drainLimit", drainLimit);
    return this;
  }

  /**
   * How long a new replica may take to answer its health path and enter rotation before the rollout stops;
   * default {@code lbstack.startup.timeout}.
   *
   * @param readyTimeout a positive duration
   * @return this release, for chaining
   */
  public Release readyTimeout(Duration readyTimeout) {
    this.readyTimeout = positive("readyTimeout", readyTimeout);
    return this;
  }

  private static Duration positive(String name, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Release." + name + "(" + duration + "): use a positive duration");
    }
    return duration;
  }

  ReleaseSpec spec() {
    return new ReleaseSpec(image, jar, env, version, batchSize, drainLimit, readyTimeout);
  }

  @Override
  public String toString() {
    return "Release " + (image != null ? image : jar) + (version.isEmpty() ? "" : " (" + version + ")");
  }
}
