package io.github.lbstack.internal.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One container of a stack, as the core wants it; a backend decides how to make it real.
 *
 * @param name unique name on the platform
 * @param alias the name other services resolve it by on the stack's network
 * @param hostname what the container reports as its own hostname (empty: the platform's default)
 * @param ports container ports the test JVM must reach
 * @param command empty for the image's default
 * @param textFiles files to put in the container before it starts: path to content
 * @param hostFiles files to copy from the test JVM's machine: container path to host path
 * @param tmpfs directories to mount as tmpfs: container path to mount options
 */
public record ContainerSpec(String name, String image, NetworkHandle network, String alias, String hostname,
    Map<String, String> env, List<String> command, Map<String, String> labels, List<Integer> ports,
    Map<String, String> textFiles, Map<String, Path> hostFiles, Map<String, String> tmpfs) {

  public ContainerSpec {
    env = Map.copyOf(env);
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
    ports = List.copyOf(ports);
    textFiles = Map.copyOf(textFiles);
    hostFiles = Map.copyOf(hostFiles);
    tmpfs = Map.copyOf(tmpfs);
  }
}
