package io.github.lbstack.internal.backend;

import java.util.List;
import java.util.Map;

/**
 * What an image runs by default, as its build set it: enough to derive an image that wraps its entrypoint.
 *
 * @param id the platform's id, which changes whenever the image is rebuilt or updated under the same name
 * @param entrypoint the image's entrypoint; empty when it has none
 * @param command the image's default command, the entrypoint's arguments
 * @param user the user it runs as; empty for the image's default (root)
 * @param env the environment it sets, such as a JRE image's {@code JAVA_VERSION}
 */
public record ImageConfig(String id, List<String> entrypoint, List<String> command, String user,
    Map<String, String> env) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    command = List.copyOf(command);
    user = user == null ? "" : user;
    env = Map.copyOf(env);
  }

  /** {@return the environment from {@code NAME=value} entries, as an engine reports them} */
  public static Map<String, String> env(String[] entries) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (String entry : entries == null ? new String[0] : entries) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        env.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return env;
  }
}
