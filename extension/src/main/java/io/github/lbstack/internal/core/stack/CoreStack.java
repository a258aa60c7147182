package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.core.readiness.NetworkProbes;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.core.faults.DelayLink;
import io.github.lbstack.internal.core.faults.Fault;
import io.github.lbstack.internal.core.faults.NetworkFaults;
import io.github.lbstack.internal.core.scaling.CoreReplica;
import io.github.lbstack.internal.core.scaling.RolloutResult;
import io.github.lbstack.internal.core.scaling.Topology;
import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.ReleaseSpec;
import io.github.lbstack.internal.spec.ResetMode;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import redis.clients.jedis.JedisPooled;

/**
 * A running stack, as lbstack's core holds it (the API shows it as {@code RunningStack}). It owns every container,
 * the network and the clients it handed out. Closing it closes the clients, removes every container at once (nothing
 * is in flight by then, so they need no order), and removes the network last. It knows nothing of JUnit, so it can serve one class, many classes, or code outside tests.
 */
public final class CoreStack implements AutoCloseable {

  private static final Logger LOG = Log.LBSTACK;

  private final String id;
  private final StackSpec spec;
  private final WebEnvironment.Secrets secrets;
  private final Resources resources;
  private final Service lb;
  private final LbConfig lbConfig;
  private final Optional<Service> database;
  private final Optional<Service> redis;
  private final Map<String, Service> extras;
  private final Topology topology;
  private final LbControl lbControl;
  private final AtomicInteger leases = new AtomicInteger();
  private final Timeline timeline;
  private final String backend;
  private final StackClients clients;
  private final StackTeardown teardown;
  private final NetworkFaults faults;
  private volatile boolean closed;
  private volatile DataSnapshot snapshot;
  /** Set for a stack kept for the next run: closing then lets go of it and leaves its containers running. */
  private volatile String keptForReuse;
  private volatile boolean adopted;

  public CoreStack(String id, StackSpec spec, WebEnvironment.Secrets secrets, Resources resources, Service lb,
      LbConfig lbConfig, Optional<Service> database, Optional<Service> redis, Map<String, Service> extras,
      Topology topology, LbControl lbControl, Timeline timeline,
      String backend, NetworkFaults faults) {
    this.faults = faults;
    this.timeline = timeline;
    this.backend = backend;
    this.id = id;
    this.spec = spec;
    this.secrets = secrets;
    this.resources = resources;
    this.lb = lb;
    this.lbConfig = lbConfig;
    this.database = database;
    this.redis = redis;
    this.extras = Map.copyOf(extras);
    this.topology = topology;
    this.lbControl = lbControl;
    this.clients = new StackClients(id, spec.database(), this::jdbcUrl, secrets, this::redisEndpoint);
    this.teardown = new StackTeardown(id, resources);
  }

  public String id() {
    return id;
  }

  public StackSpec spec() {
    return spec;
  }

  public List<CoreReplica> replicas() {
    return topology.replicas();
  }

  /** @throws IllegalArgumentException when no replica has that index */
  public CoreReplica replica(int index) {
    return topology.replica(index);
  }

  /** The lb's frontend the clients use, as the test JVM reaches it: {@code https} where it terminates TLS. */
  public java.net.URI lbUri() {
    return lbUri(lb.port());
  }

  /**
   * Another port the lb binds, as the test JVM reaches it.
   *
   * @throws IllegalArgumentException when the lb's config binds no such port
   */
  public java.net.URI lbUri(int containerPort) {
    List<Integer> bound = lbConfig.ports().stream()
        .filter(port -> port != lbConfig.statsPort() && port != lbConfig.runtimeApiPort()).toList();
    if (!bound.contains(containerPort)) {
      throw new IllegalArgumentException("the lb binds no port " + containerPort + ": its config binds " + bound
          + "; use one of those.");
    }
    Endpoint endpoint = lb.container().endpoint(containerPort);
    return java.net.URI.create((lbConfig.tlsPorts().contains(containerPort) ? "https" : "http") + "://"
        + endpoint.host() + ":" + endpoint.port());
  }

  /** Redis as the test JVM reaches it, {@code redis://host:port}. */
  public java.net.URI redisUri() {
    return java.net.URI.create("redis://" + redisEndpoint());
  }

  public Endpoint lbEndpoint() {
    return lb.container().endpoint(lb.port());
  }

  /** The lb's configuration as the lb runs it: generated, or the user's with lbstack's changes. */
  public LbConfig lbConfig() {
    return lbConfig;
  }

  public Endpoint lbStatsEndpoint() {
    return lb.container().endpoint(lbConfig.statsPort());
  }

  public void scaleTo(int replicas) {
    topology.scaleTo(replicas);
  }

  /** Replaces every replica by one running {@code release}, under traffic; see {@code RollingDeploy}. */
  public RolloutResult rollOut(ReleaseSpec release) {
    return topology.rollOut(topology.resolve(release), release.batchSize(), release.drainLimit(),
        release.readyTimeout());
  }

  /**
   * Applies a network fault to a replica's traffic, through a helper in its network namespace.
   *
   * @throws IllegalArgumentException when no replica has that index, or the peer is not a service of the stack
   */
  public NetworkFaults.Active networkFault(int index, Fault fault) {
    CoreReplica replica = topology.replica(index);
    if (fault.peer() != null && !services().containsKey(fault.peer())) {
      throw new IllegalArgumentException("no service \"" + fault.peer() + "\" in stack " + id + " for a network fault: "
          + "use one of " + new TreeSet<>(services().keySet()));
    }
    if (fault.kind() == Fault.Kind.DELAY) {
      return faults.applyDelay(replica.hostname(), replica.service().container(), fault, delayLinks(replica, fault));
    }
    return faults.apply(replica.hostname(), replica.service().container(), fault);
  }

  /**
   * The lb opens connections to the replica, the replica to everything else: a delay to the lb sits on the replica's
   * port, one to another service on that service's port, and one on all traffic on both kinds.
   */
  private List<DelayLink> delayLinks(CoreReplica replica, Fault fault) {
    int replicaPort = replica.service().port();
    if ("lb".equals(fault.peer())) {
      return List.of(DelayLink.inbound("lb", replicaPort));
    }
    if (fault.peer() != null) {
      return List.of(DelayLink.outbound(fault.peer(), services().get(fault.peer()).port()));
    }
    List<DelayLink> links = new java.util.ArrayList<>(List.of(DelayLink.inbound(null, replicaPort)));
    database.ifPresent(service -> links.add(DelayLink.outbound(service.name(), service.port())));
    redis.ifPresent(service -> links.add(DelayLink.outbound("redis", service.port())));
    extras.forEach((name, service) -> links.add(DelayLink.outbound(name, service.port())));
    return links;
  }

  /** Reverts every network fault still in force: at the end of a test, and before a shared stack's next class. */
  public List<String> revertFaults() {
    return faults.revertAll();
  }

  /** Starts a full set of replicas of {@code release} beside the serving ones and switches the lb in one step. */
  public RolloutResult switchTo(ReleaseSpec release) {
    return topology.switchTo(topology.resolve(release), release.drainLimit(), release.readyTimeout());
  }

  /** Replaces every replica by one of the version the last rollout replaced. */
  public RolloutResult rollBack() {
    return topology.rollBack();
  }

  /** The version the replica with this hostname runs, or ran if it was removed a moment ago; {@code null} if none. */
  public String versionOf(String hostname) {
    return topology.versionOf(hostname);
  }

  public Map<String, String> lbStatuses() {
    return topology.statuses();
  }

  /** Every backend of the lb's config to the HTTP requests it has received. */
  public Map<String, Long> lbBackendRequests() {
    return lbControl.backendRequests();
  }

  /** The HTTP responses the lb has finished over its frontends. */
  public long lbResponses() {
    return lbControl.responsesSent();
  }

  /** The HTTP requests the lb has received and not finished. */
  public long lbRequestsUnderWay() {
    return lbControl.requestsUnderWay();
  }

  /**
   * Another service the app needs, by its name.
   *
   * @throws IllegalArgumentException naming the services there are
   */
  public ExtraService extraService(String name) {
    Service service = extras.get(name);
    if (service == null) {
      throw new IllegalArgumentException("stack " + id + " has no service \"" + name + "\": "
          + (extras.isEmpty() ? "it declares none (services = @Service(...))" : "its services are "
          + new TreeSet<>(extras.keySet())));
    }
    return new ExtraService(id, service);
  }

  /** The replicas the lb reports UP, in index order. */
  public List<String> replicasInRotation() {
    return lbStatuses().entrySet().stream().filter(entry -> "UP".equals(entry.getValue())).map(Map.Entry::getKey)
        .toList();
  }

  public String jdbcUrl() {
    DatabaseKind kind = spec.database();
    return NetworkProbes.jdbcUrl(kind, require(database, "database").container().endpoint(kind.port()),
        secrets.database());
  }

  public WebEnvironment.Secrets secrets() {
    require(database, "database");
    return secrets;
  }

  public DataSource dataSource() {
    return clients.dataSource();
  }

  public Endpoint redisEndpoint() {
    return require(redis, "Redis").container().endpoint(WebEnvironment.REDIS_PORT);
  }

  public JedisPooled redis() {
    return clients.redis();
  }

  /** Whether the stack has the database and Redis, so the API layer can say what it lacks before asking. */
  public boolean hasDatabase() {
    return database.isPresent();
  }

  public boolean hasRedis() {
    return redis.isPresent();
  }

  /** Returns the data to its state at ready, or empties it; see {@link DataReset}. */
  public void resetData() {
    new DataReset(this).run();
  }

  /**
   * Keeps the data as it is now, the stack just ready, for {@link #resetData()} to return to; with
   * {@code lbstack.reset.mode=truncate}, does nothing.
   */
  public void snapshotData() {
    if (spec.resetMode() != ResetMode.SNAPSHOT || (!hasDatabase() && !hasRedis())) {
      return;
    }
    long start = System.nanoTime();
    try {
      snapshot = DataSnapshot.take(hasDatabase() ? dataSource() : null, SqlDialect.of(spec.database()),
          hasRedis() ? redis() : null,
          DataReset.keptTables(this));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("lbstack " + id + " could not read the data at ready for resetData(): "
          + e.getMessage() + ". Set lbstack.reset.mode=truncate to reset by emptying the tables instead.", e);
    }
    LOG.info("lbstack {}: data at ready kept for resetData() in {} ms: {} rows, {} Redis keys", id,
        (System.nanoTime() - start) / 1_000_000, snapshot.rows(), snapshot.keys());
  }

  /** {@return the data at ready, or {@code null} when none was kept} */
  DataSnapshot snapshot() {
    return snapshot;
  }

  /** Closing will leave this stack running for a later run; {@code removeCommand} is how a person removes it. */
  /** Marks a stack taken up from an earlier run ({@code lbstack.reuse=true}), for the run report. */
  public void markAdopted() {
    adopted = true;
  }

  public boolean adopted() {
    return adopted;
  }

  /** Whether it is kept running for later runs. */
  public boolean keptForReuse() {
    return keptForReuse != null;
  }

  /** {@return what closing it could not remove; empty while it runs, and after a clean close} */
  public List<String> leftovers() {
    return resources.notClosed();
  }

  /** {@return the platform it runs on, such as {@code "docker at unix:///var/run/docker.sock"}} */
  public String backend() {
    return backend;
  }

  public void keepForReuse(String removeCommand) {
    this.keptForReuse = removeCommand;
  }

  LbControl lbControl() {
    return lbControl;
  }

  Topology topology() {
    return topology;
  }

  public Timeline timeline() {
    return timeline;
  }

  /**
   * Saves what explains a failure into {@code dir}: every container's log, the lb's view of each replica, the
   * stack's description with the password masked, and its start-up timeline; see {@link Evidence}.
   *
   * @return the lb's view of each replica, as saved: a table of status, last check, requests and failed responses
   */
  public String saveEvidence(java.nio.file.Path dir) throws java.io.IOException {
    return Evidence.save(this, dir);
  }

  /** Images, replicas, addresses and users; the password is masked. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("stack ").append(id).append(" on ").append(backend).append('\n');
    text.append("images: ").append(spec.images()).append('\n');
    text.append("web: ").append(spec.web().source()).append(", port ").append(spec.web().port())
        .append(", health ").append(spec.web().healthPath()).append('\n');
    text.append("lb: ").append(lbEndpoint()).append(" (stats ").append(lbStatsEndpoint()).append(")\n");
    for (CoreReplica replica : replicas()) {
      String address;
      try {
        address = replica.endpoint().toString();
      } catch (RuntimeException e) {
        address = "not published (" + e.getMessage() + ")";
      }
      text.append(replica.hostname()).append(": ").append(address).append('\n');
    }
    database.ifPresent(service -> text.append(service.name()).append(": ").append(jdbcUrl()).append(" user ")
        .append(secrets.user()).append(" password ****\n"));
    redis.ifPresent(service -> text.append("redis: ").append(redisEndpoint()).append('\n'));
    return text.toString();
  }

  public String logs(String service) {
    return services().entrySet().stream().filter(entry -> entry.getKey().equals(service)).findFirst()
        .map(entry -> entry.getValue().logs())
        .orElseThrow(() -> new IllegalArgumentException("no service \"" + service + "\" in stack " + id
            + ": use one of " + new TreeSet<>(services().keySet())));
  }

  Map<String, Service> services() {
    Map<String, Service> services = new LinkedHashMap<>();
    services.put("lb", lb);
    database.ifPresent(service -> services.put(service.name(), service));
    redis.ifPresent(service -> services.put("redis", service));
    services.putAll(extras);
    topology.replicas().forEach(replica -> services.put(replica.hostname(), replica.service()));
    topology.spares().forEach(spare -> services.put(spare.name(), spare));
    return services;
  }

  /**
   * One class's use of this stack, from now until the lease is closed. Closing it logs the requests the lb served
   * during the lease and, for a shared stack, puts the topology back to its definition for the next class.
   */
  public StackLease lease(String user, boolean restoreAfter) {
    leases.incrementAndGet();
    return new StackLease(this, user, restoreAfter, lbControl, topology);
  }

  private <T> T require(Optional<T> service, String name) {
    boolean isDatabase = name.equals("database");
    String leftOut = isDatabase ? "database = NONE" : name.toLowerCase(java.util.Locale.ROOT) + " = false";
    String fix = isDatabase ? "database = Database.MYSQL or Database.POSTGRES" : leftOut.replace("false", "true");
    return service.orElseThrow(() -> new IllegalStateException("stack " + id + " has no " + name + ": its definition "
        + "leaves it out (" + leftOut + "). Set " + fix + " to have one."));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      if (leases.get() == 0) {
        StackLease.logServed(id, "its life", () -> {
          Map<String, Long> served = new LinkedHashMap<>(lbControl.requestsServed());
          served.entrySet().removeIf(entry -> !topology.worthShowing(entry.getKey(), entry.getValue()));
          return served;
        });
      }
      clients.close();
    } finally {
      try {
        if (keptForReuse != null) {
          faults.revertAll();
          teardown.leaveRunning(keptForReuse);
        } else {
          faults.removeHelpers();
          Map<String, Service> services = services();
          topology.finishTraining(name -> Optional.ofNullable(services.get(name)).map(Service::container));
          teardown.removeAll(services.values());
        }
      } finally {
        OpenStacks.remove(this);
      }
    }
  }

  @Override
  public String toString() {
    return "stack " + id + " (" + topology.replicas().size() + " replicas)";
  }
}
