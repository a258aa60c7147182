package io.github.lbstack.internal.engine;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;

/** The one place a web replica is made, for start-up and for scaling alike. */
final class ReplicaFactory {

  private final StackSpec spec;
  private final Backend backend;
  private final ContainerSpecs containers;
  private final String webImage;
  private final WebEnvironment environment;
  private final Probes probes;

  ReplicaFactory(StackSpec spec, Backend backend, ContainerSpecs containers, String webImage,
      WebEnvironment environment, Probes probes) {
    this.spec = spec;
    this.backend = backend;
    this.containers = containers;
    this.webImage = webImage;
    this.environment = environment;
    this.probes = probes;
  }

  /** Replica {@code index}, described but not started; ready when it answers its health path. */
  Service create(int index) {
    String hostname = WebEnvironment.hostname(index);
    var container = backend.container(containers.web(hostname, webImage, environment.forReplica(index)));
    return new Service(hostname, container, spec.web().port(), probes.http(container, spec.web().port(), spec.web().healthPath()));
  }
}
