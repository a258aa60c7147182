package io.github.lbstack.internal.core.containers;

import java.util.Map;

/**
 * What a replica runs: the stack's defined web tier, or a version rolled out over it.
 *
 * @param version the label replicas report and traffic runs record
 * @param image the image, resolved (a jar is built into one)
 * @param env raw entries over the stack's {@code @Web(env)}; empty for the defined web tier
 * @param jar whether the image is one lbstack built from a jar, whose JVM it starts itself
 */
public record WebRelease(String version, String image, Map<String, String> env, boolean jar) {

  /** The label of the version a replica runs, on every web container, for {@code docker ps} and evidence. */
  public static final String VERSION_LABEL = "io.github.lbstack.version";

  public WebRelease {
    env = Map.copyOf(env);
  }
}
