package io.github.lbstack.internal.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A version of the web tier to deploy over a running stack, and how: validated by the API's {@code Release}.
 *
 * @param image the image to run, or {@code null} when {@code jar} is given
 * @param jar a runnable jar to run on the stack's JRE image, or {@code null} when {@code image} is given
 * @param env entries over the stack's own {@code @Web(env)}, raw: placeholders are expanded per replica
 * @param version the label of this version, blank for one derived from its image
 * @param batchSize how many replicas are replaced at once (the surge)
 * @param drainLimit how long an old replica may take to finish its requests before it is removed anyway
 * @param readyTimeout how long a new replica may take to become healthy, or {@code null} for the stack's timeout
 */
public record ReleaseSpec(String image, Path jar, Map<String, String> env, String version, int batchSize,
    Duration drainLimit, Duration readyTimeout) {

  public ReleaseSpec {
    if ((image == null) == (jar == null)) {
      throw new IllegalArgumentException("a release runs an image or a jar, exactly one");
    }
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(drainLimit, "drainLimit");
  }
}
