package io.github.lbstack.internal.core.reuse;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Backend.Owned;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.core.containers.Credentials;
import io.github.lbstack.internal.core.containers.WebImages;
import io.github.lbstack.internal.core.launch.StackAssembly;
import io.github.lbstack.internal.core.launch.StackLauncher;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.readiness.Reachability;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.core.scaling.Topology;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.OpenStacks;
import io.github.lbstack.internal.core.sweep.LeakSweep;
import io.github.lbstack.internal.spec.ConfigKeys;
import io.github.lbstack.internal.spec.Configuration;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Stacks kept between runs on a developer's machine ({@code lbstack.reuse=true}, never in CI). A reusable stack is
 * labelled with a hash of its definition and of the ids of its images. The next run with the same hash takes it up
 * again: it attaches to the containers, puts the topology back to the definition, empties the data and checks every
 * service, which takes about a second instead of a cold start. A run whose definition or images changed replaces
 * the stack declared at the same place. The leak sweep leaves reusable stacks alone; they are removed by hand (see
 * README, "Reuse on your machine").
 */
public final class ReusableStacks {

  private static final Logger LOG = Log.LBSTACK;
  /** A stack that was fine when its run ended answers at once; one that does not is not worth waiting for. */
  private static final Duration CHECK_LIMIT = Duration.ofSeconds(15);
  /** Bumped when the containers a stack is made of change, so an older lbstack's stacks are not taken up. */
  private static final String LAYOUT = "lbstack-layout-1";
  private static final AtomicBoolean REFUSAL_LOGGED = new AtomicBoolean();

  /** The shell command that removes every reusable stack; printed where users need it. */
  static final String REMOVE_COMMAND = "docker ps -aq --filter label=" + Labels.REUSE + " | xargs -r docker rm -f; "
      + "docker network ls -q --filter label=" + Labels.REUSE + " | xargs -r docker network rm";

  private final Backend backend;
  private final Probes probes;

  public ReusableStacks(Backend backend, Probes probes) {
    this.backend = backend;
    this.probes = probes;
  }

  /**
   * Whether shared stacks are kept for the next run: {@code lbstack.reuse=true}, and {@code CI} not set. A CI run
   * starts clean and leaves nothing behind, whatever a developer's settings say.
   */
  public static boolean enabled(Configuration configuration, Optional<String> ci) {
    if (!configuration.bool(ConfigKeys.REUSE, false)) {
      return false;
    }
    boolean inCi = ci.map(String::trim).filter(value -> !value.isEmpty() && !value.equalsIgnoreCase("false"))
        .isPresent();
    if (inCi && REFUSAL_LOGGED.compareAndSet(false, true)) {
      LOG.info("lbstack: {}=true is ignored because the environment variable CI is set: in CI, stacks start fresh "
          + "and are removed at the end of the run", ConfigKeys.REUSE);
    }
    return !inCi;
  }

  /**
   * A stack for this definition: the one an earlier run left, reset, or a new one that is left running at the end.
   *
   * @param name where the definition is declared, so that a changed definition replaces its predecessor
   */
  public CoreStack startOrReuse(StackSpec spec, String name) {
    LeakSweep.once(backend);
    String key = key(spec);
    Map<String, List<Owned>> reusable = backend.owned().stream()
        .filter(resource -> resource.labels().containsKey(Labels.REUSE))
        .collect(Collectors.groupingBy(Owned::stack, LinkedHashMap::new, Collectors.toList()));
    for (var stack : reusable.entrySet()) {
      if (!key.equals(label(stack.getValue(), Labels.REUSE))) {
        continue;
      }
      try {
        CoreStack taken = attach(stack.getKey(), stack.getValue(), spec, key, name);
        taken.keepForReuse(REMOVE_COMMAND);
        taken.markAdopted();
        return taken;
      } catch (RuntimeException e) {
        LOG.warn("lbstack {}: could not take up this stack from an earlier run ({}); removing it and starting a "
            + "new one", stack.getKey(), e.getMessage());
        removeStack(stack.getKey());
      }
    }
    for (var stack : reusable.entrySet()) {
      if (name.equals(label(stack.getValue(), Labels.REUSE_NAME)) && !key.equals(label(stack.getValue(), Labels.REUSE))) {
        LOG.info("lbstack {}: replacing the reusable stack of {}: its definition or one of its images changed",
            stack.getKey(), name);
        removeStack(stack.getKey());
      }
    }
    CoreStack fresh = new StackLauncher(backend, probes).launch(spec, Map.of(Labels.REUSE, key, Labels.REUSE_NAME,
        name));
    fresh.keepForReuse(REMOVE_COMMAND);
    LOG.info("lbstack {}: kept for reuse by later runs ({}=true); remove reusable stacks with: {}", fresh.id(),
        ConfigKeys.REUSE, REMOVE_COMMAND);
    return fresh;
  }

  /** A hash of what makes two stacks interchangeable: the layout, the definition and the images' ids. */
  private String key(StackSpec spec) {
    List<String> images = new ArrayList<>(List.of(spec.lbImage()));
    if (spec.hasDatabase()) {
      images.add(spec.databaseImage());
    }
    if (spec.redis()) {
      images.add(spec.images().redis());
    }
    // A jar or Dockerfile becomes an image whose tag is a hash of its content; its id covers a rebuilt base too.
    images.add(WebImages.resolve(spec, new WebEnvironment(spec, Credentials.random()), backend));
    StringBuilder text = new StringBuilder(LAYOUT).append('\n').append(spec).append('\n');
    images.forEach(image -> text.append(image).append('=').append(backend.imageId(image)).append('\n'));
    return sha256(text.toString()).substring(0, 16);
  }

  private CoreStack attach(String id, List<Owned> owned, StackSpec spec, String key, String name) {
    long start = System.nanoTime();
    Timeline timeline = new Timeline();
    Map<String, Owned> containers = owned.stream().filter(resource -> resource.kind() == Owned.Kind.CONTAINER)
        .collect(Collectors.toMap(resource -> resource.labels().get(Labels.SERVICE), resource -> resource,
            (first, second) -> first));
    Owned networkResource = owned.stream().filter(resource -> resource.kind() == Owned.Kind.NETWORK).findFirst()
        .orElseThrow(() -> new IllegalStateException("its network is gone"));
    require(containers, "lb");
    if (spec.hasDatabase()) {
      require(containers, spec.database().service());
    }
    if (spec.redis()) {
      require(containers, "redis");
    }

    NetworkHandle network = backend.attachNetwork(networkResource);
    Resources resources = new Resources();
    resources.add("network " + network.name(), network);
    WebEnvironment.Secrets secrets = spec.hasDatabase() ? spec.database()
        .secretsFrom(backend.environment(containers.get(spec.database().service())))
        .orElseThrow(() -> new IllegalStateException("its database container lacks the image's variables"))
        : Credentials.random();
    WebEnvironment environment = new WebEnvironment(spec, secrets);
    String webImage = WebImages.resolve(spec, environment, backend);
    List<Integer> webIndexes = containers.keySet().stream().filter(service -> service.startsWith("web-"))
        .map(service -> Integer.parseInt(service.substring("web-".length()))).sorted().toList();
    StackAssembly parts = new StackAssembly(id, spec, backend, probes, network,
        // Attached, never made: the database's image is whichever its container runs.
        Map.of(Labels.REUSE, key, Labels.REUSE_NAME, name), environment, webImage, spec.databaseImage(), webIndexes,
        (service, container) -> backend.attach(container, containers.get(service)));
    parts.register(resources);
    timeline.mark("stack", "attached to " + containers.size() + " containers");

    // A machine that restarted stops containers; they come back with the same names and data.
    List<Service> infrastructure = new ArrayList<>();
    parts.database.ifPresent(infrastructure::add);
    parts.redis.ifPresent(infrastructure::add);
    infrastructure.add(parts.lb);
    infrastructure.forEach(ReusableStacks::running);
    Topology topology = parts.topology(resources, new Reachability(probes, backend.describe()), timeline);
    parts.webs.forEach((index, web) -> {
      if (topology.isSpareIndex(index) && web.container().state().status() == ContainerState.Status.PAUSED) {
        topology.adoptSpare(index, web);
      } else {
        topology.adopt(index, web);
      }
    });
    for (Service service : infrastructure) {
      await(service.name() + " of a reused stack ready").pollInSameThread().pollInterval(Duration.ofMillis(50))
          .atMost(CHECK_LIMIT).ignoreExceptions().until(() -> {
            service.check().check();
            return true;
          });
    }
    List<String> changes = topology.restore();
    timeline.mark("stack", "topology restored" + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)));
    CoreStack stack = parts.stack(resources, topology, timeline, backend.describe());
    stack.resetData();
    timeline.mark("stack", "data reset");
    OpenStacks.add(stack);
    LOG.info("lbstack {}: reused from an earlier run ({}=true): reset and ready in {} ms: lb {} -> {}{}", id,
        ConfigKeys.REUSE, (System.nanoTime() - start) / 1_000_000, stack.lbEndpoint(),
        String.join(", ", topology.hostnames()), changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
    return stack;
  }

  private static void running(Service service) {
    Container container = service.container();
    switch (container.state().status()) {
      case PAUSED -> container.unpause();
      case EXITED, CREATED -> container.startAgain();
      case MISSING -> throw new IllegalStateException(service.name() + " is gone");
      case RUNNING -> { }
    }
  }

  private static void require(Map<String, Owned> containers, String service) {
    if (!containers.containsKey(service)) {
      throw new IllegalStateException("its " + service + " container is gone");
    }
  }

  private static String label(List<Owned> resources, String label) {
    return resources.stream().map(resource -> resource.labels().get(label)).filter(value -> value != null)
        .findFirst().orElse("");
  }

  /** Everything of the stack, listed again: taking it up may have added containers (a refilled spare, say). */
  private void removeStack(String id) {
    LeakSweep.remove(backend, backend.owned().stream().filter(resource -> id.equals(resource.stack())).toList());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
