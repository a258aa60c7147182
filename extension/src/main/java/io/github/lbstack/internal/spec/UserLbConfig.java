package io.github.lbstack.internal.spec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The user's own load balancer configuration, read when the spec was made. Its content is part of the value, so an
 * edited file makes another spec: a shared or kept stack made with the old one is not taken for it.
 *
 * @param path the file, absolute
 * @param shown the path as the user wrote it, for messages
 * @param text its content
 * @param backend the backend that holds the app's servers
 * @param port the frontend port the injected clients use, checked to be one the file binds
 */
public record UserLbConfig(Path path, String shown, String text, String backend, int port) {

  public UserLbConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(backend, "backend");
  }
}
