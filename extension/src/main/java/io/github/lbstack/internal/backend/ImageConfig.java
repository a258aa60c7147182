package io.github.lbstack.internal.backend;

import java.util.List;

/**
 * What an image runs by default, as its build set it: enough to derive an image that wraps its entrypoint.
 *
 * @param id the platform's id, which changes whenever the image is rebuilt or updated under the same name
 * @param entrypoint the image's entrypoint; empty when it has none
 * @param command the image's default command, the entrypoint's arguments
 * @param user the user it runs as; empty for the image's default (root)
 */
public record ImageConfig(String id, List<String> entrypoint, List<String> command, String user) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    command = List.copyOf(command);
    user = user == null ? "" : user;
  }
}
