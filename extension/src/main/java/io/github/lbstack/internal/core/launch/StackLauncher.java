package io.github.lbstack.internal.core.launch;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.core.containers.Credentials;
import io.github.lbstack.internal.core.containers.DatabaseImages;
import io.github.lbstack.internal.core.containers.WebImages;
import io.github.lbstack.internal.core.readiness.ParallelStartup;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.readiness.Reachability;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.core.readiness.StartupFailedException;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.core.scaling.Topology;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.OpenStacks;
import io.github.lbstack.internal.core.sweep.LeakSweep;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.StartOrder;
import io.github.lbstack.internal.spec.WebEnvironment;
import io.github.lbstack.internal.spec.WebSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.slf4j.Logger;

/**
 * Starts a stack on a backend, in the spec's start order (by default MySQL, Redis and the lb at once, the replicas
 * once MySQL and Redis are ready), and returns when MySQL takes a login, Redis answers, every replica answers its
 * health path and the lb reports every replica UP.
 */
public final class StackLauncher {

  private static final Logger LOG = Log.LBSTACK;

  private final Backend backend;
  private final Probes probes;

  public StackLauncher(Backend backend, Probes probes) {
    this.backend = backend;
    this.probes = probes;
  }

  /** @throws StartupFailedException when the stack is not ready in time; nothing is left running */
  public CoreStack launch(StackSpec spec) {
    return launch(spec, Map.of());
  }

  /** @param stackLabels labels for every resource of the stack besides the usual ones */
  public CoreStack launch(StackSpec spec, Map<String, String> stackLabels) {
    String id = Credentials.hex(4);
    WebEnvironment.Secrets secrets = Credentials.random();
    WebEnvironment environment = new WebEnvironment(spec, secrets);
    LOG.info("lbstack {}: starting on {}: lb ({}), {} x web ({}){}{}{}", id, backend.describe(),
        spec.lbImage(), spec.replicas(), describeWeb(spec),
        spec.hasDatabase() ? ", " + spec.database().service() + " (" + spec.databaseImage() + ")" : "",
        spec.redis() ? ", redis (" + spec.images().redis() + ")" : "",
        spec.services().stream().map(service -> ", " + service.name() + " (" + service.image() + ")")
            .collect(java.util.stream.Collectors.joining()));

    if (spec.lb().balancer().needsExec() && !backend.supportsExec()) {
      throw new StartupFailedException("lbstack " + id + ": @Lb(type = " + spec.lb().name() + ") cannot run on "
          + backend.describe() + ": " + spec.lb().displayName() + " has no API, so lbstack changes it by running a "
          + "command in the lb's container, which this backend cannot do. Use HAProxy (the default) there, or the "
          + "docker backend for " + spec.lb().displayName() + ".", null);
    }
    Timeline timeline = new Timeline();
    LeakSweep.once(backend);
    timeline.mark("stack", "leftovers swept");
    Resources resources = new Resources();
    Reachability reachability = new Reachability(probes, backend.describe());
    ParallelStartup startup = new ParallelStartup(id, spec.startupTimeout(), reachability, timeline);
    try {
      ensureImages(id, spec);
      timeline.mark("stack", "images present");
      String webImage = WebImages.resolve(spec, environment, backend);
      timeline.mark("stack", "web image ready");
      String databaseImage = DatabaseImages.resolve(id, spec, backend);
      if (spec.hasDatabase()) {
        timeline.mark("stack", "database image ready");
      }
      startup.startClock();
      NetworkHandle network = backend.createNetwork("lbstack-" + id, Labels.of(id, "network", stackLabels));
      resources.add("network " + network.name(), network);
      timeline.mark("stack", "network created");

      StackAssembly parts = new StackAssembly(id, spec, backend, probes, network, stackLabels, environment,
          webImage, databaseImage, IntStream.rangeClosed(1, spec.replicas() + spec.spares()).boxed().toList(),
          (service, container) -> backend.container(container));
      parts.register(resources);
      if (parts.lbConfig.isUsers()) {
        // A user's other backends may have the stack's services as servers; HAProxy resolves those names when it
        // starts (and when it checks), so the services' containers run first.
        List<CompletableFuture<Void>> servicesRunning = parts.services.values().stream().map(startup::start).toList();
        try {
          CompletableFuture.allOf(servicesRunning.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
          startup.awaitAll(); // throws the start-up report, which names the service that did not start
          throw e;
        }
        LbConfigCheck.run(id, backend, parts.lbCheck(), parts.lbConfig, spec.startupTimeout());
        timeline.mark("stack", "lb config checked");
      }
      Optional<Service> database = parts.database;
      Optional<Service> redis = parts.redis;
      Service lb = parts.lb;
      List<Service> webs = parts.webs.headMap(spec.replicas() + 1).values().stream().toList();
      List<Service> spares = parts.webs.tailMap(spec.replicas() + 1).values().stream().toList();
      List<String> hostnames = webs.stream().map(Service::name).toList();

      // What the app may need at its start: the database, the cache and the other services.
      List<Service> backingServices = new ArrayList<>();
      database.ifPresent(backingServices::add);
      redis.ifPresent(backingServices::add);
      backingServices.addAll(parts.services.values());
      List<CompletableFuture<Void>> backing = new ArrayList<>();
      backingServices.forEach(service -> {
        if (startup.readiness(service) == null) {
          startup.start(service);
        }
        backing.add(startup.readiness(service));
      });
      CompletableFuture<Void> websMayStart = spec.startOrder() == StartOrder.ALL_AT_ONCE
          ? CompletableFuture.completedFuture(null) : CompletableFuture.allOf(backing.toArray(CompletableFuture[]::new));
      if (spec.startOrder() == StartOrder.DATABASE_AND_LB_FIRST) {
        startup.start(lb);
      }
      List<CompletableFuture<Void>> webContainers = new ArrayList<>();
      webs.forEach(web -> webContainers.add(startup.start(web, websMayStart)));
      // Spares' slots are disabled, so the lb need not wait for them.
      spares.forEach(spare -> startup.start(spare, websMayStart));
      if (spec.startOrder() != StartOrder.DATABASE_AND_LB_FIRST) {
        // Its active slots resolve the replicas' names at start, so the lb follows their containers.
        startup.start(lb, CompletableFuture.allOf(webContainers.toArray(CompletableFuture[]::new)));
      }
      startup.awaitAll();

      Topology topology = parts.topology(resources, reachability, timeline);
      for (int i = 0; i < webs.size(); i++) {
        topology.adopt(i + 1, webs.get(i));
      }
      for (int i = 0; i < spares.size(); i++) {
        topology.parkSpare(spec.replicas() + i + 1, spares.get(i));
      }
      if (!spares.isEmpty()) {
        timeline.mark("stack", "spares paused");
      }
      timeline.mark("stack", "ready");
      CoreStack stack = parts.stack(resources, topology, timeline, backend.describe());
      try {
        stack.snapshotData();
      } catch (RuntimeException e) {
        // Its clients are open by now; closing the stack closes them and removes what it owns.
        stack.close();
        throw e;
      }
      OpenStacks.add(stack);
      LOG.info("lbstack {}: start-up timeline\n{}", id, timeline.table());
      String databaseNote = spec.hasDatabase()
          ? "; " + spec.database().service() + " " + stack.jdbcUrl() + " (user " + secrets.user() + ")" : "";
      LOG.info("lbstack {}: ready in {}: lb {} -> {}{}{}{}", id, startup.elapsed(), stack.lbEndpoint(),
          String.join(", ", hostnames), spares.isEmpty() ? "" : " (spares, paused: "
              + String.join(", ", spares.stream().map(Service::name).toList()) + ")", databaseNote,
          spec.redis() ? "; redis " + stack.redisEndpoint() : "");
      return stack;
    } catch (RuntimeException | Error e) {
      startup.close();
      resources.closeAfter(e);
      if (e instanceof BackendException backendFailure) {
        throw new StartupFailedException("lbstack " + id + ": " + backendFailure.getMessage(), backendFailure);
      }
      throw e;
    }
  }

  private static String describeWeb(StackSpec spec) {
    WebSource source = spec.web().source();
    if (source instanceof WebSource.FromImage image) {
      return image.image();
    }
    if (source instanceof WebSource.FromJar jar) {
      return jar.jar().getFileName() + " on " + spec.images().jre();
    }
    return "built from " + ((WebSource.FromDockerfile) source).dockerfile();
  }

  /**
   * Checks (and pulls) images up front, so an image that cannot be had fails in seconds with a message that names
   * it and its override, instead of after the platform's pull retries.
   */
  private void ensureImages(String id, StackSpec spec) {
    Set<String> images = new LinkedHashSet<>(List.of(spec.lbImage()));
    if (spec.hasDatabase()) {
      images.add(spec.databaseImage());
    }
    if (spec.redis()) {
      images.add(spec.images().redis());
    }
    if (spec.web().source() instanceof WebSource.FromJar) {
      images.add(spec.images().jre());
    }
    if (spec.web().source() instanceof WebSource.FromImage image) {
      images.add(image.image());
    }
    spec.services().forEach(service -> images.add(service.image()));
    for (String image : images) {
      long start = System.nanoTime();
      try {
        backend.ensureImage(image, spec.startupTimeout());
      } catch (BackendException e) {
        boolean web = spec.web().source() instanceof WebSource.FromImage own && own.image().equals(image);
        throw new StartupFailedException("lbstack " + id + ": " + e.getMessage() + ". Pull or build it, or "
            + (web ? "point @Web(image) at an image the engine has."
                : "point the matching lbstack.image.* configuration parameter at an image the engine has (see "
                    + "README, Images)."), e);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > 1000) {
        LOG.info("lbstack {}: image {} ready after {} ms (pulled)", id, image, millis);
      }
    }
  }
}
