package io.github.lbstack.internal.core;

import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.docker.DockerBackend;
import io.github.lbstack.internal.backend.swarm.SwarmBackend;
import io.github.lbstack.internal.core.launch.StackLauncher;
import io.github.lbstack.internal.core.readiness.NetworkProbes;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.reuse.ReusableStacks;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.spec.ConfigKeys;
import io.github.lbstack.internal.spec.StackSpec;

/**
 * lbstack's core, seen from the API: a backend and the probes that talk to what it runs. The API layer holds one and asks it for
 * stacks; tests of the lifecycle build one over a fake backend.
 */
public final class Stacks {

  private static final Stacks DOCKER = new Stacks(new DockerBackend(), new NetworkProbes());

  private final Backend backend;
  private final Probes probes;

  public Stacks(Backend backend, Probes probes) {
    this.backend = backend;
    this.probes = probes;
  }

  private static final java.util.Map<Integer, Stacks> SWARMS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The core on the Docker engine that Testcontainers finds. */
  public static Stacks docker() {
    return DOCKER;
  }

  /**
   * The core on the backend that {@code lbstack.backend} selects: {@code docker} (the default) or {@code swarm}.
   *
   * @throws IllegalArgumentException naming the key and the values it takes
   */
  public static Stacks of(io.github.lbstack.internal.spec.Configuration configuration) {
    String backend = configuration.string(ConfigKeys.BACKEND).orElse("docker");
    return switch (backend.toLowerCase(java.util.Locale.ROOT)) {
      case "docker" -> DOCKER;
      case "swarm" -> SWARMS.computeIfAbsent(nodePort(configuration),
          port -> new Stacks(new SwarmBackend(port), new NetworkProbes()));
      default -> throw new IllegalArgumentException(ConfigKeys.BACKEND + " = '" + backend + "' is not a backend: use "
          + "docker (the default: one engine, found like Testcontainers finds it) or swarm (DOCKER_HOST points at a "
          + "swarm manager).");
    };
  }

  private static int nodePort(io.github.lbstack.internal.spec.Configuration configuration) {
    String value = configuration.string(ConfigKeys.SWARM_NODE_PORT).orElse("2375");
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(ConfigKeys.SWARM_NODE_PORT + " = '" + value + "' is not a TCP port: give the "
        + "port where each swarm node's engine answers, such as 2375.");
  }

  /** Whether stacks can be kept between runs on this backend (lbstack.reuse). */
  public boolean supportsReuse() {
    return backend.supportsReuse();
  }


  public boolean isAvailable() {
    return backend.isAvailable();
  }

  /**
   * Starts a stack and returns once it is ready.
   *
   * @throws StartupFailedException when it is not ready in time; nothing is left running
   */
  public CoreStack start(StackSpec spec) {
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
  public CoreStack startReusable(StackSpec spec, String name) {
    if (spec.lbTls()) {
      // Its certificate comes from this run's CA, which a later run could not trust: such a stack is never kept.
      io.github.lbstack.internal.Log.LBSTACK.info("lbstack: the stack of {} terminates TLS with a certificate of this run's CA, so it is not kept for "
          + "reuse; it starts fresh and is removed at the end of the run", name);
      return start(spec);
    }
    return new ReusableStacks(backend, probes).startOrReuse(spec, name);
  }
}
