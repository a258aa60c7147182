package io.github.lbstack.internal.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web tier, validated. {@code env} values are raw: placeholders are expanded per replica when the stack starts.
 * A blank {@code version} means: label the replicas with the image they run.
 */
public record WebSpec(WebSource source, String version, int port, String healthPath, Map<String, String> env,
    boolean defaultEnv) {

  public WebSpec {
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }
}
