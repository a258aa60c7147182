package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;

/** The one place a web replica is made, for start-up, scaling and taking up a kept stack alike. */
public final class ReplicaFactory {

  private final StackSpec spec;
  private final Backend backend;
  private final ContainerSpecs containers;
  private final String webImage;
  private final WebEnvironment environment;
  private final Probes probes;

  public ReplicaFactory(StackSpec spec, Backend backend, ContainerSpecs containers, String webImage,
      WebEnvironment environment, Probes probes) {
    this.spec = spec;
    this.backend = backend;
    this.containers = containers;
    this.webImage = webImage;
    this.environment = environment;
    this.probes = probes;
  }

  /** Replica {@code index}, described but not started; ready when it answers its health path. */
  public Service create(int index) {
    return service(index, backend.container(describe(index)));
  }

  /** How replica {@code index}'s container is made. */
  public ContainerSpec describe(int index) {
    String hostname = WebEnvironment.hostname(index);
    return containers.web(hostname, webImage, environment.forReplica(index));
  }

  /** Replica {@code index} on a container made from {@link #describe}, new or attached. */
  public Service service(int index, Container container) {
    return new Service(WebEnvironment.hostname(index), container, spec.web().port(),
        probes.http(container, spec.web().port(), spec.web().healthPath()));
  }
}
