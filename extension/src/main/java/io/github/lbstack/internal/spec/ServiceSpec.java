package io.github.lbstack.internal.spec;

import java.util.List;
import java.util.Map;

/**
 * An extra service of a stack (a broker, a mail catcher...), validated: a container on the stack's network under
 * its name, with its port published for the tests.
 *
 * @param readiness how lbstack knows it is ready
 */
public record ServiceSpec(String name, String image, int port, Map<String, String> env, List<String> command,
    Readiness readiness) {

  /** How a service shows it is ready. */
  public sealed interface Readiness {}

  /** Its port accepts connections. */
  public record PortOpen() implements Readiness {}

  /** An HTTP GET of this path on its port answers 2xx or 3xx. */
  public record HttpPath(String path) implements Readiness {}

  /** Its log shows this text. */
  public record LogLine(String text) implements Readiness {}

  public ServiceSpec {
    env = Map.copyOf(env);
    command = List.copyOf(command);
  }
}
