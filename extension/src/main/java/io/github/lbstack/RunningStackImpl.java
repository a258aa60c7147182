package io.github.lbstack;

import io.github.lbstack.internal.core.scaling.CoreReplica;
import io.github.lbstack.internal.core.scaling.RolloutFailure;
import io.github.lbstack.internal.core.scaling.RolloutResult;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.tls.RunCertificates;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/** The API's {@link RunningStack}: the API's types over the core's {@code CoreStack}, nothing more. */
final class RunningStackImpl implements RunningStack {

  private final CoreStack stack;
  private final boolean owned;

  /** @param owned whether the caller owns the stack and may close it (not so for an injected one) */
  RunningStackImpl(CoreStack stack, boolean owned) {
    this.stack = stack;
    this.owned = owned;
  }

  CoreStack live() {
    return stack;
  }

  /**
   * A specification of requests to {@code uri}; for the lb's, it also carries the stack (see {@link LbOf}). Over
   * HTTPS it trusts the run's CA, which signed the lb's certificate, and checks the host name as usual.
   */
  static RequestSpecification spec(URI uri) {
    RequestSpecBuilder builder = new RequestSpecBuilder().setBaseUri(uri.getScheme() + "://" + uri.getHost())
        .setPort(uri.getPort());
    if ("https".equals(uri.getScheme())) {
      builder.setConfig(RestAssured.config().sslConfig(SSLConfig.sslConfig()
          .trustStore(RunCertificates.get().trustStore())));
    }
    return builder.build();
  }

  @Override
  public String id() {
    return stack.id();
  }

  @Override
  public List<Replica> replicas() {
    return stack.replicas().stream().<Replica>map(replica -> new ReplicaImpl(stack, replica)).toList();
  }

  @Override
  public Replica replica(int index) {
    return new ReplicaImpl(stack, stack.replica(index));
  }

  @Override
  public RunningService service(String name) {
    return new RunningServiceImpl(stack.extraService(name));
  }

  @Override
  public URI lbUri() {
    return stack.lbUri();
  }

  @Override
  public RequestSpecification lb() {
    RequestSpecification lb = spec(stack.lbUri());
    lb.filter(new LbOf(this));
    return lb;
  }

  @Override
  public RequestSpecification lb(int port) {
    RequestSpecification lb = spec(stack.lbUri(port));
    lb.filter(new LbOf(this));
    return lb;
  }

  @Override
  public String jdbcUrl() {
    return stack.jdbcUrl();
  }

  @Override
  public String databaseName() {
    return stack.secrets().database();
  }

  @Override
  public String databaseUser() {
    return stack.secrets().user();
  }

  @Override
  public String databasePassword() {
    return stack.secrets().password();
  }

  @Override
  public DataSource dataSource() {
    return stack.dataSource();
  }

  @Override
  public URI redisUri() {
    return stack.redisUri();
  }

  @Override
  public JedisPooled redis() {
    return stack.redis();
  }

  @Override
  public void scaleTo(int replicas) {
    stack.scaleTo(replicas);
  }

  @Override
  public Rollout rollOut(Release release) {
    java.util.Objects.requireNonNull(release, "release");
    return deploy(() -> stack.rollOut(release.spec()));
  }

  @Override
  public Rollout switchTo(Release release) {
    java.util.Objects.requireNonNull(release, "release");
    return deploy(() -> stack.switchTo(release.spec()));
  }

  @Override
  public Rollout rollBack() {
    return deploy(stack::rollBack);
  }

  /** The API's view of a deploy: its result, or the public exception with what it did before it stopped. */
  private static Rollout deploy(java.util.function.Supplier<RolloutResult> deploy) {
    try {
      return rollout(deploy.get());
    } catch (RolloutFailure e) {
      throw new RolloutFailedException(e.getMessage(), rollout(e.partial()), e.getCause());
    }
  }

  private static Rollout rollout(RolloutResult result) {
    return new Rollout(result.from(), result.to(), result.steps(), result.started(), result.firstNewInRotation(),
        result.lastOldOut(), result.ended());
  }

  @Override
  public Map<String, String> versions() {
    Map<String, String> versions = new java.util.LinkedHashMap<>();
    stack.replicas().forEach(replica -> versions.put(replica.hostname(), replica.version()));
    return versions;
  }

  @Override
  public String versionOf(String hostname) {
    return stack.versionOf(hostname);
  }

  @Override
  public Map<String, String> lbStatuses() {
    return stack.lbStatuses();
  }

  @Override
  public Map<String, Long> lbBackendRequests() {
    return stack.lbBackendRequests();
  }

  @Override
  public long lbResponses() {
    return stack.lbResponses();
  }

  @Override
  public long lbRequestsUnderWay() {
    return stack.lbRequestsUnderWay();
  }

  @Override
  public void resetData() {
    stack.resetData();
  }

  @Override
  public String logs(String service) {
    return stack.logs(service);
  }

  @Override
  public void close() {
    if (!owned) {
      throw new IllegalStateException("lbstack stack " + id() + " belongs to the extension that injected it, which "
          + "removes it when its class (or, for a shared stack, the run) ends: do not close it yourself.");
    }
    stack.close();
  }

  @Override
  public String toString() {
    return "stack " + id() + " (lb " + lbUri() + ", " + stack.replicas().size() + " replicas)";
  }

  /** One replica, as the API shows it. */
  private static final class ReplicaImpl implements Replica {

    private final CoreStack stack;
    private final CoreReplica replica;

    ReplicaImpl(CoreStack stack, CoreReplica replica) {
      this.stack = stack;
      this.replica = replica;
    }

    @Override
    public ReplicaNetwork network() {
      return new ReplicaNetworkImpl(stack, replica.index(), null);
    }

    @Override
    public int index() {
      return replica.index();
    }

    @Override
    public String hostname() {
      return replica.hostname();
    }

    @Override
    public String version() {
      return replica.version();
    }

    @Override
    public URI uri() {
      return replica.uri();
    }

    @Override
    public RequestSpecification spec() {
      return RunningStackImpl.spec(replica.uri());
    }

    @Override
    public String logs() {
      return replica.logs();
    }

    @Override
    public String lbStatus() {
      return replica.lbStatus();
    }

    @Override
    public Replica kill() {
      replica.kill();
      return this;
    }

    @Override
    public Replica stop() {
      replica.stop();
      return this;
    }

    @Override
    public Replica start() {
      replica.start();
      return this;
    }

    @Override
    public Replica restart() {
      replica.restart();
      return this;
    }

    @Override
    public Replica pause() {
      replica.pause();
      return this;
    }

    @Override
    public Replica unpause() {
      replica.unpause();
      return this;
    }

    @Override
    public Replica disconnect() {
      replica.disconnect();
      return this;
    }

    @Override
    public Replica reconnect() {
      replica.reconnect();
      return this;
    }

    @Override
    public Replica awaitDown() {
      replica.awaitDown();
      return this;
    }

    @Override
    public Replica awaitUp() {
      replica.awaitUp();
      return this;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ReplicaImpl handle && handle.replica == replica;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(replica);
    }

    @Override
    public String toString() {
      return hostname();
    }
  }
}
