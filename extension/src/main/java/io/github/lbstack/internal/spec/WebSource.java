package io.github.lbstack.internal.spec;

import java.nio.file.Path;
import java.util.Map;

/** Where the web tier's image comes from. */
public sealed interface WebSource {

  /** An image that already exists, locally or in a registry. */
  record FromImage(String image) implements WebSource {}

  /** A Dockerfile, built once per content and reused; its directory is the build context. */
  record FromDockerfile(Path dockerfile, Map<String, String> buildArgs) implements WebSource {
    public FromDockerfile {
      buildArgs = Map.copyOf(buildArgs);
    }
  }

  /** A runnable jar, copied into containers of the JRE image and started with {@code java -jar}. */
  record FromJar(Path jar) implements WebSource {}
}
