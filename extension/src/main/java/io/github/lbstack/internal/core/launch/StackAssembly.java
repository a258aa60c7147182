package io.github.lbstack.internal.core.launch;

import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.core.containers.ContainerSpecs;
import io.github.lbstack.internal.core.containers.JarStarts;
import io.github.lbstack.internal.core.containers.ReplicaFactory;
import io.github.lbstack.internal.core.faults.NetworkFaults;
import io.github.lbstack.internal.core.readiness.LogLineCheck;
import io.github.lbstack.internal.core.readiness.NotReadyException;
import io.github.lbstack.internal.core.readiness.Probes;
import io.github.lbstack.internal.core.readiness.ReadinessCheck;
import io.github.lbstack.internal.core.readiness.Reachability;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.core.scaling.Topology;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.OpenStacks;
import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.lb.Balancer;
import io.github.lbstack.internal.lb.LbServer;
import io.github.lbstack.internal.lb.LbSettings;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.ServiceSpec;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.tls.RunCertificates;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A stack's parts, made from its spec in one place: for a fresh start, where every container is new, and for taking
 * up a stack an earlier run kept, where every container is attached. Both then register, adopt and wrap the parts
 * alike, so a new service or setting is added here once.
 */
public final class StackAssembly {

  /** Where each container comes from: made new, or attached to the one an earlier run left. */
  @FunctionalInterface
  public interface ContainerSource {
    /** @param service {@code lb}, {@code mysql} or {@code postgres}, {@code redis} or a replica's hostname */
    Container container(String service, ContainerSpec spec);
  }

  final String id;
  final StackSpec spec;
  final WebEnvironment.Secrets secrets;
  final ReplicaFactory replicas;
  public final Optional<Service> database;
  public final Optional<Service> redis;
  /** The other services the app needs, by name, in the order declared. */
  public final Map<String, Service> services = new java.util.LinkedHashMap<>();
  /** Replicas and spares by index. */
  public final SortedMap<Integer, Service> webs = new TreeMap<>();
  final LbControl lbControl;
  public final LbConfig lbConfig;
  private final ContainerSpecs containers;
  private final Backend backend;
  /** The stack's certificate at each path the lb reads one from; empty without TLS. */
  private final Map<String, String> certificates;
  public final Service lb;

  /**
   * @param stackLabels labels for every resource of the stack besides the usual ones
   * @param webImage the web tier's image, resolved ({@link io.github.lbstack.internal.core.containers.WebImages})
   * @param databaseImage the database's image, resolved (the warm one where it can be)
   * @param webIndexes the replicas (and spares) to make
   */
  public StackAssembly(String id, StackSpec spec, Backend backend, Probes probes, NetworkHandle network,
      Map<String, String> stackLabels, WebEnvironment environment, String webImage, String databaseImage,
      Collection<Integer> webIndexes, ContainerSource source) {
    this.id = id;
    this.spec = spec;
    this.secrets = environment.secrets();
    this.containers = new ContainerSpecs(id, spec, network, stackLabels);
    this.backend = backend;
    // A stack kept for later runs never stops its replicas, so none of them could write what it recorded.
    this.replicas = new ReplicaFactory(spec, backend, containers, webImage, environment, probes,
        new JarStarts(id, spec.jarRuntime(), backend, !stackLabels.containsKey(Labels.REUSE)));
    this.database = spec.hasDatabase() ? Optional.of(database(probes, source.container(spec.database().service(),
        containers.database(secrets, databaseImage))))
        : Optional.empty();
    this.redis = spec.redis() ? Optional.of(cache(probes, source.container("redis", containers.redis())))
        : Optional.empty();
    for (ServiceSpec service : spec.services()) {
      Container container = source.container(service.name(), containers.service(service));
      services.put(service.name(), new Service(service.name(), container, service.port(),
          readiness(probes, container, service)));
    }
    for (int index : webIndexes) {
      ContainerSpec web = replicas.describe(index);
      webs.put(index, replicas.service(index, source.container(WebEnvironment.hostname(index), web)));
    }
    this.lbConfig = lbConfig(spec);
    this.certificates = certificates(id, lbConfig, backend);
    Container lbContainer = source.container("lb", containers.lb(lbConfig, certificates));
    this.lbControl = probes.lb(lbContainer, lbConfig);
    List<String> defined = IntStream.rangeClosed(1, spec.replicas()).mapToObj(WebEnvironment::hostname).toList();
    this.lb = new Service("lb", lbContainer, lbConfig.httpPort(), () -> allServersUp(lbControl, defined));
  }

  /**
   * One certificate for the stack from the run's CA, valid for every name the lb is reached by: from the test JVM
   * (the engine's published address, localhost) and inside the stack's network.
   */
  private static Map<String, String> certificates(String id, LbConfig config, Backend backend) {
    if (config.certificates().isEmpty()) {
      return Map.of();
    }
    List<String> hosts = new java.util.ArrayList<>(List.of("localhost", "127.0.0.1", "::1", "lb"));
    hosts.addAll(backend.publishHosts());
    String pem = RunCertificates.get().serverPem("lbstack-" + id + "-lb", hosts);
    Map<String, String> files = new java.util.LinkedHashMap<>();
    config.certificates().forEach(path -> files.put(path, pem));
    return files;
  }

  /** The one-off container that checks the lb's config with the files it will have; describes, starts nothing. */
  public ContainerSpec lbCheck() {
    return containers.lbCheck(lbConfig, certificates);
  }

  private Service database(Probes probes, Container container) {
    DatabaseKind kind = spec.database();
    return new Service(kind.service(), container, kind.port(), probes.database(kind, container, secrets));
  }

  private static ReadinessCheck readiness(Probes probes, Container container, ServiceSpec service) {
    if (service.readiness() instanceof ServiceSpec.HttpPath http) {
      return probes.http(container, service.port(), http.path());
    }
    if (service.readiness() instanceof ServiceSpec.LogLine log) {
      return new LogLineCheck(container, log.text());
    }
    return probes.port(container, service.port());
  }

  private static Service cache(Probes probes, Container container) {
    return new Service("redis", container, WebEnvironment.REDIS_PORT, probes.redis(container));
  }

  /** Registers every part in dependency order, so that closing runs lb, replicas, redis, database (then network). */
  public void register(Resources resources) {
    database.ifPresent(service -> resources.add(service.name(), service));
    redis.ifPresent(service -> resources.add("redis", service));
    services.forEach(resources::add);
    webs.values().forEach(web -> resources.add(web.name(), web));
    resources.add("lb", lb);
  }

  public Topology topology(Resources resources, Reachability reachability, Timeline timeline) {
    return new Topology(id, spec.replicas(), spec.spares(), spec.web().port(), replicas, lbControl, resources,
        spec.startupTimeout(), reachability, timeline);
  }

  /** The running stack over these parts; the caller opens it ({@link OpenStacks}) once it is ready. */
  public CoreStack stack(Resources resources, Topology topology, Timeline timeline, String backend) {
    return new CoreStack(id, spec, secrets, resources, lb, lbConfig, database, redis, services, topology, lbControl,
        timeline, backend, new NetworkFaults(id, this.backend, spec.images().netfault(),
            spec.images().jre(), timeline::event));
  }

  /**
   * The lb's configuration: generated, or the user's with lbstack's slots put in. Every possible replica gets a
   * server slot; slots beyond the first N wait, disabled, for scaleTo.
   */
  public static LbConfig lbConfig(StackSpec spec) {
    List<LbServer> servers = IntStream.rangeClosed(1, StackSpec.MAX_REPLICAS)
        .mapToObj(i -> new LbServer(WebEnvironment.hostname(i), i <= spec.replicas() + spec.spares()
            ? WebEnvironment.hostname(i) : LbServer.PLACEHOLDER_HOST, spec.web().port(), i <= spec.replicas()))
        .toList();
    LbSettings settings = new LbSettings(spec.balance().name(), spec.stickyCookie(), spec.web().port(),
        spec.web().healthPath(), spec.healthCheck(), servers);
    Balancer balancer = spec.lb().balancer();
    return spec.lbConfig()
        .map(user -> balancer.rewrite(user.shown(), user.text(), user.backend(), user.port(), settings))
        .orElseGet(() -> balancer.generated(settings, spec.lbTls()));
  }

  /** The lb lists every expected server, and each one is UP. */
  static void allServersUp(LbControl lb, List<String> servers) throws NotReadyException {
    var statuses = lb.statuses();
    List<String> notUp = servers.stream().filter(server -> !"UP".equals(statuses.get(server)))
        .map(server -> server + "=" + statuses.getOrDefault(server, "missing")).toList();
    if (!notUp.isEmpty()) {
      throw new NotReadyException("servers not UP: " + String.join(", ", notUp));
    }
  }
}
