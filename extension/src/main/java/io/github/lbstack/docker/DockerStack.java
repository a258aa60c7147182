package io.github.lbstack.docker;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.lb.HaproxyConfig;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * A started stack. It owns every container, the network and the clients it handed out, and closes them in reverse
 * order of creation: clients, lb, replicas, redis, mysql, network. It does not depend on JUnit, so it can outlive
 * one test class.
 */
public final class DockerStack implements RunningStack, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");

  private final String id;
  private final Resources resources;
  private final Service lb;
  private final Service mysql;
  private final Service redis;
  private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Service> services = new java.util.concurrent.ConcurrentHashMap<>();
  private final Scaling scaling;
  private final Credentials credentials;
  private volatile MysqlDataSource dataSource;
  private volatile JedisPooled redisClient;
  private volatile boolean closed;

  DockerStack(String id, Resources resources, Service lb, Service mysql, Service redis, List<Service> webs,
      Credentials credentials, Scaling.Setup scalingSetup) {
    this.id = id;
    this.resources = resources;
    this.lb = lb;
    this.mysql = mysql;
    this.redis = redis;
    this.credentials = credentials;
    this.scaling = new Scaling(this, scalingSetup);
    services.put("lb", lb);
    services.put("mysql", mysql);
    services.put("redis", redis);
    for (int i = 0; i < webs.size(); i++) {
      addReplica(i + 1, webs.get(i));
    }
  }

  void addReplica(int index, Service web) {
    services.put(web.name(), web);
    replicas.add(new DockerReplica(index, web, scaling.webPort(), this));
  }

  void removeReplica(Replica replica) {
    replicas.remove(replica);
    services.remove(replica.hostname());
  }

  Resources resources() {
    return resources;
  }

  String networkId() {
    return scaling.networkId();
  }

  java.time.Duration timeout() {
    return scaling.timeout();
  }

  io.github.lbstack.lb.StatsPage stats() {
    return new io.github.lbstack.lb.StatsPage(lbStatsCsvUri());
  }

  io.github.lbstack.lb.RuntimeApi runtimeApi() {
    return new io.github.lbstack.lb.RuntimeApi(lb.container().getHost(),
        lb.container().getMappedPort(HaproxyConfig.RUNTIME_API_PORT));
  }

  @Override
  public void scaleTo(int replicas) {
    scaling.scaleTo(replicas);
  }

  @Override
  public Map<String, String> lbStatuses() {
    Map<String, String> statuses = new LinkedHashMap<>(stats().statuses());
    statuses.keySet().retainAll(services.keySet());
    return statuses;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Replica> replicas() {
    return List.copyOf(replicas);
  }

  @Override
  public Replica replica(int index) {
    if (index < 1 || index > replicas.size()) {
      throw new IllegalArgumentException("no replica " + index + ": this stack has replicas 1 to " + replicas.size());
    }
    return replicas.get(index - 1);
  }

  @Override
  public URI lbUri() {
    return URI.create("http://" + lb.container().getHost() + ":" + lb.container().getMappedPort(HaproxyConfig.HTTP_PORT));
  }

  @Override
  public RequestSpecification lb() {
    return new RequestSpecBuilder()
        .setBaseUri("http://" + lb.container().getHost())
        .setPort(lb.container().getMappedPort(HaproxyConfig.HTTP_PORT))
        .build();
  }

  /** Address of HAProxy's stats page, in CSV form. */
  public URI lbStatsCsvUri() {
    return URI.create("http://" + lb.container().getHost() + ":"
        + lb.container().getMappedPort(HaproxyConfig.STATS_PORT) + HaproxyConfig.STATS_PATH + ";csv");
  }

  @Override
  public String jdbcUrl() {
    // Test stacks run without TLS; public key retrieval lets caching_sha2_password logins work without it.
    return "jdbc:mysql://" + mysql.container().getHost() + ":" + mysql.container().getMappedPort(3306) + "/"
        + credentials.database() + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
  }

  @Override
  public String databaseName() {
    return credentials.database();
  }

  @Override
  public String databaseUser() {
    return credentials.user();
  }

  @Override
  public String databasePassword() {
    return credentials.password();
  }

  @Override
  public DataSource dataSource() {
    if (dataSource == null) {
      synchronized (this) {
        if (dataSource == null) {
          MysqlDataSource created = new MysqlDataSource();
          created.setURL(jdbcUrl());
          created.setUser(credentials.user());
          created.setPassword(credentials.password());
          dataSource = created;
        }
      }
    }
    return dataSource;
  }

  @Override
  public URI redisUri() {
    return URI.create("redis://" + redis.container().getHost() + ":" + redis.container().getMappedPort(6379));
  }

  @Override
  public JedisPooled redis() {
    if (redisClient == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("lbstack stack " + id + " is closed");
        }
        if (redisClient == null) {
          URI uri = redisUri();
          redisClient = new JedisPooled(uri.getHost(), uri.getPort());
        }
      }
    }
    return redisClient;
  }

  @Override
  public String logs(String service) {
    Service found = services.get(service);
    if (found == null) {
      throw new IllegalArgumentException("no service \"" + service + "\" in stack " + id + ": use one of "
          + new java.util.TreeSet<>(services.keySet()));
    }
    return found.logs();
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
      logRequestsServed();
      if (redisClient != null) {
        redisClient.close();
      }
    } finally {
      resources.close();
      OpenStacks.remove(this);
    }
  }

  /** The per-class summary users asked for: how the lb spread this class's requests. */
  private void logRequestsServed() {
    try {
      Map<String, Long> served = stats().requestsServed();
      // Slots never used by this stack would only be noise.
      served.entrySet().removeIf(entry -> entry.getValue() == 0 && !services.containsKey(entry.getKey()));
      StringBuilder table = new StringBuilder(String.format("lbstack %s: requests served through the lb%n", id));
      table.append(String.format("  %-12s %8s%n", "replica", "requests"));
      served.forEach((replica, count) -> table.append(String.format("  %-12s %8d%n", replica, count)));
      LOG.info(table.toString().stripTrailing());
    } catch (Exception e) {
      LOG.debug("lbstack {}: no request summary: {}", id, e.toString());
    }
    LOG.info("lbstack {}: stopping", id);
  }

  @Override
  public String toString() {
    return "stack " + id + " (lb " + lbUri() + ", " + replicas.size() + " replicas)";
  }
}
