package io.github.lbstack;

import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/**
 * Handle on a started stack: its load balancer, replicas, database and cache. Inject it as a test parameter.
 *
 * <p>All addresses are on the Docker host, bound to 127.0.0.1.
 */
public interface RunningStack {

  /** A short random id, also used in container names and in the {@code io.github.lbstack.stack} label. */
  String id();

  /** The web replicas, ordered by {@link Replica#index()}. */
  List<Replica> replicas();

  /**
   * The replica with the given index.
   *
   * @throws IllegalArgumentException when no replica has that index
   */
  Replica replica(int index);

  /** Address of the load balancer's HTTP frontend. */
  URI lbUri();

  /** A new request specification pointed at the load balancer. */
  RequestSpecification lb();

  /** JDBC URL of the stack's database, reachable from the host. */
  String jdbcUrl();

  /** Name of the stack's database (random per stack). */
  String databaseName();

  /** Database user with all privileges on {@link #databaseName()} (random per stack). */
  String databaseUser();

  /** Password of {@link #databaseUser()} (random per stack). */
  String databasePassword();

  /** A data source that logs in as {@link #databaseUser()}; shared by the whole stack. */
  DataSource dataSource();

  /** Address of Redis, as {@code redis://127.0.0.1:<port>}. */
  URI redisUri();

  /** A Redis client; shared by the whole stack and closed with it. */
  JedisPooled redis();

  /**
   * Adds or removes replicas while tests run, without restarting the lb. New replicas are {@code web-<n>}, numbered
   * on; removed ones are the highest-numbered, drained first (out of rotation, in-flight requests finished), then
   * stopped. Returns when the lb serves exactly {@code replicas} healthy replicas.
   *
   * @throws IllegalArgumentException when {@code replicas} is outside 1 to {@link LoadBalancedStack#MAX_REPLICAS}
   * @throws IllegalStateException when the lb does not get there within {@code lbstack.startup.timeout}, naming
   *     each replica that is not in rotation and why
   */
  void scaleTo(int replicas);

  /** The lb's current view of each replica in rotation: hostname to {@code UP}, {@code DOWN}... */
  java.util.Map<String, String> lbStatuses();

  /**
   * Everything a service's container has written so far.
   *
   * @param service {@code "lb"}, {@code "mysql"}, {@code "redis"} or a replica hostname such as {@code "web-1"}
   * @throws IllegalArgumentException for an unknown service, naming the known ones
   */
  String logs(String service);
}
