package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.spec.ReleaseSpec;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import io.github.lbstack.internal.spec.WebSource;
import java.util.Map;

/** The one place a web replica is made, for start-up, scaling and taking up a kept stack alike. */
public final class ReplicaFactory {

  /** The app every replica runs, as {@link Service#app()} names it. */
  private static final String REPLICAS = "web";

  private final StackSpec spec;
  private final Backend backend;
  private final ContainerSpecs containers;
  private final String webImage;
  private final WebEnvironment environment;
  private final Probes probes;
  private final JarStarts jarStarts;

  public ReplicaFactory(StackSpec spec, Backend backend, ContainerSpecs containers, String webImage,
      WebEnvironment environment, Probes probes, JarStarts jarStarts) {
    this.spec = spec;
    this.backend = backend;
    this.containers = containers;
    this.webImage = webImage;
    this.environment = environment;
    this.probes = probes;
    this.jarStarts = jarStarts;
  }

  /** {@return how the stack starts the JVMs of jar images, and trains them} */
  public JarStarts jarStarts() {
    return jarStarts;
  }

  /** The web tier as the stack defines it: what replicas run unless a release replaced it. */
  public WebRelease defined() {
    String version = spec.web().version().isBlank() ? webImage : spec.web().version();
    return new WebRelease(version, webImage, Map.of(), spec.web().source() instanceof WebSource.FromJar);
  }

  /**
   * A release's image, built from its jar on the stack's JRE image when it has one (once per jar content, as the
   * stack's own jar), and its label: the one given, or the image.
   */
  public WebRelease resolve(ReleaseSpec release) {
    String image = release.image() != null ? release.image()
        : WebImages.jarImage(release.jar(), spec.images().jre(), backend);
    return new WebRelease(release.version().isBlank() ? image : release.version(), image, release.env(),
        release.image() == null);
  }

  /** Replica {@code index} of the defined web tier, described but not started; ready when it answers its health path. */
  public Service create(int index) {
    return create(index, defined());
  }

  /** Replica {@code index} running {@code release}, described but not started. */
  public Service create(int index, WebRelease release) {
    return service(index, backend.container(describe(index, release)));
  }

  /** How replica {@code index}'s container is made. */
  public ContainerSpec describe(int index) {
    return describe(index, defined());
  }

  private ContainerSpec describe(int index, WebRelease release) {
    String hostname = WebEnvironment.hostname(index);
    String image = release.image();
    java.util.List<String> command = java.util.List.of();
    if (release.jar()) {
      JarStarts.Launch launch = jarStarts.launch(release.image(), hostname);
      image = launch.image();
      command = launch.command();
    }
    return containers.web(hostname, image, command, environment.forReplica(index, release.env()),
        Map.of(WebRelease.VERSION_LABEL, release.version()));
  }

  /** Replica {@code index} on a container made from {@link #describe}, new or attached. */
  public Service service(int index, Container container) {
    return new Service(WebEnvironment.hostname(index), container, spec.web().port(),
        probes.http(container, spec.web().port(), spec.web().healthPath()), REPLICAS);
  }
}
