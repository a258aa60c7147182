package io.github.lbstack.internal.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where a stack's containers run. lbstack's core talks only to this interface; an implementation owns every call to
 * its platform (one Docker engine, or a Docker Swarm; the seam is meant to take Kubernetes too) and nothing above it
 * knows which one it is.
 *
 * <p>The contract, in the core's words: a stack is one private network with named services on it. Each service
 * is reachable inside the network under its alias, and from the test JVM on the published ports that
 * {@link Container#endpoint(int)} reports. Everything a backend creates carries the labels it is given, so a sweep
 * can find it.
 */
public interface Backend {

  /** A short description for logs, such as {@code "docker (unix:///var/run/docker.sock)"}. */
  String describe();

  /**
   * The host names and addresses the test JVM reaches published ports on (what {@link Container#endpoint} reports),
   * so a server certificate can name them before anything starts.
   */
  java.util.List<String> publishHosts();

  /** Whether the platform answers at all; cheap enough for an execution condition. */
  boolean isAvailable();

  /**
   * Makes sure the image can be run, pulling it when missing.
   *
   * @throws BackendException naming the image when it is neither present nor pullable
   */
  void ensureImage(String image, Duration timeout);

  /**
   * Builds an image from a Dockerfile whose directory is the build context, unless an image with this tag exists.
   *
   * @return the tag
   */
  String buildImage(Path dockerfile, Map<String, String> buildArgs, String tag, Map<String, String> labels);

  /** Creates the stack's private network. Closing the handle removes it. */
  NetworkHandle createNetwork(String name, Map<String, String> labels);

  /** Describes a container; nothing exists on the platform until {@link Container#start()}. */
  Container container(ContainerSpec spec);

  /** Whether {@link Container#exec} works; a balancer without an API (nginx) needs it. */
  default boolean supportsExec() {
    return false;
  }

  /** Whether {@link Container#inNetworkNamespace} works, which network faults need. */
  default boolean supportsNetworkFaults() {
    return false;
  }

  /** Whether {@link #attach} and {@link #attachNetwork} work, so a stack can be kept for a later run. */
  default boolean supportsReuse() {
    return false;
  }

  /**
   * Whether a replica's files can be read after it stopped ({@link Container#copyFileOut}) and an image built on the
   * engine that runs it, which training a jar's start needs.
   */
  default boolean supportsTraining() {
    return false;
  }

  /**
   * What a present image runs by default, on platforms that can build images from it ({@link #buildImage}); empty
   * where lbstack cannot derive images.
   *
   * @throws BackendException when the image is not present
   */
  default java.util.Optional<ImageConfig> imageConfig(String image) {
    return java.util.Optional.empty();
  }

  /** {@return whether {@code image} is present where containers run} */
  default boolean hasImage(String image) {
    return false;
  }

  /**
   * The platform's id of an image that is present, which changes whenever the image is rebuilt under the same name.
   *
   * @throws BackendException when it is not present
   */
  String imageId(String image);

  /** A handle on a network an earlier run made (see {@link #owned()}); closing it removes the network. */
  NetworkHandle attachNetwork(Owned network);

  /**
   * A handle on a container an earlier run made, which runs already (or is paused or stopped).
   *
   * @param spec how it was described when it was made; its network is an attached one
   */
  Container attach(ContainerSpec spec, Owned container);

  /** The environment a container was made with. */
  Map<String, String> environment(Owned container);

  /** Every container and network on the platform that carries the {@link Labels#STACK} label, whoever made it. */
  java.util.List<Owned> owned();

  /** Removes one of {@link #owned()}, whatever its state; a no-op when it is gone already. */
  void remove(Owned owned);

  /** A container, platform config (a file for a container) or network of some stack, with its labels. */
  record Owned(Kind kind, String id, String name, Map<String, String> labels) {
    /** In the order they can be removed: a config or network in use by a container cannot. */
    public enum Kind { CONTAINER, CONFIG, NETWORK }

    public String stack() {
      return labels.get(Labels.STACK);
    }
  }
}
