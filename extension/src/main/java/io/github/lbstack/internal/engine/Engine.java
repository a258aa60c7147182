package io.github.lbstack.internal.engine;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.docker.DockerBackend;
import io.github.lbstack.internal.spec.StackSpec;

/**
 * The engine's front: a backend and the probes that talk to what it runs. The API layer holds one and asks it for
 * stacks; tests of the lifecycle build one over a fake backend.
 */
public final class Engine {

  private static final Engine DOCKER = new Engine(new DockerBackend(), new NetworkProbes());

  private final Backend backend;
  private final Probes probes;

  public Engine(Backend backend, Probes probes) {
    this.backend = backend;
    this.probes = probes;
  }

  /** The engine on the Docker engine that Testcontainers finds. */
  public static Engine docker() {
    return DOCKER;
  }

  /**
   * The replicas the lb at this address has in rotation now, when that lb belongs to a stack open in this JVM. Lets
   * traffic sent through a plain request specification know which replicas should serve it.
   */
  public static java.util.Optional<java.util.List<String>> replicasInRotationBehind(String host, int port) {
    return OpenStacks.withLbAt(host, port).map(LiveStack::replicasInRotation);
  }

  public boolean isAvailable() {
    return backend.isAvailable();
  }

  /**
   * Starts a stack and returns once it is ready.
   *
   * @throws StartupFailedException when it is not ready in time; nothing is left running
   */
  public LiveStack start(StackSpec spec) {
    return new StackLauncher(backend, probes).launch(spec);
  }

  /**
   * Whether shared stacks are kept between runs: {@code lbstack.reuse=true} and the environment variable {@code CI}
   * not set.
   */
  public static boolean reuseEnabled(io.github.lbstack.internal.spec.Configuration configuration) {
    return ReusableStacks.enabled(configuration, java.util.Optional.ofNullable(System.getenv("CI")));
  }

  /**
   * Takes up the stack an earlier run left for this definition, reset, or starts one that outlives this JVM.
   *
   * @param name where the definition is declared; a changed definition from there replaces the old stack
   */
  public LiveStack startReusable(StackSpec spec, String name) {
    return new ReusableStacks(backend, probes).startOrReuse(spec, name);
  }
}
