package io.github.lbstack.internal.spec;

import java.util.List;
import java.util.Objects;

/**
 * An extra service as declared ({@code @Service} or {@code ServiceDefinition}), before validation.
 *
 * @param env {@code NAME=value} entries
 * @param command empty for the image's own
 * @param readyPath an HTTP path on {@code port} that answers 2xx or 3xx once ready; empty for none
 * @param readyLog a text its log shows once ready; empty for none. With neither, ready is: {@code port} accepts
 */
public record ServiceDeclaration(String name, String image, int port, List<String> env, List<String> command,
    String readyPath, String readyLog) {

  public ServiceDeclaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(readyPath, "readyPath");
    Objects.requireNonNull(readyLog, "readyLog");
    env = List.copyOf(env);
    command = List.copyOf(command);
  }
}
