package io.github.lbstack;

import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/**
 * Handle on a started stack: its load balancer, replicas, database and cache. Inject it as a test parameter, or get
 * one from {@link StackDefinition#start()}.
 *
 * <p>All addresses are on the Docker host, bound to 127.0.0.1.
 */
public interface RunningStack extends AutoCloseable {

  /** {@return a short random id, also used in container names and in the {@code io.github.lbstack.stack} label} */
  String id();

  /** {@return the web replicas, ordered by {@link Replica#index()}} */
  List<Replica> replicas();

  /**
   * The replica with the given index.
   *
   * @param index the replica's index, from 1
   * @return the replica with the given index
   * @throws IllegalArgumentException when no replica has that index
   */
  Replica replica(int index);

  /**
   * Another service of the stack ({@link LoadBalancedStack#services()}), for its address and its drills.
   *
   * @param name the service's name
   * @return the service
   * @throws IllegalArgumentException when the stack has no such service, naming the ones it has
   */
  RunningService service(String name);

  /**
   * {@return the address of the load balancer's frontend the clients use} It is {@code https} where the lb
   * terminates TLS ({@code @Lb(tls = true)}, or a {@code bind ... ssl} of your own config).
   */
  URI lbUri();

  /**
   * {@return a new request specification pointed at the load balancer} Over HTTPS it trusts the CA lbstack made for
   * the run, which signed the lb's certificate, and no other.
   */
  RequestSpecification lb();

  /**
   * A request specification for another port your lb config binds, for example the plain port whose only rule
   * redirects to HTTPS.
   *
   * @param port a port the config binds (a {@code bind} line's), as written in the file
   * @return a new request specification pointed at that port, HTTPS where that bind terminates TLS
   * @throws IllegalArgumentException when the config binds no such port
   */
  RequestSpecification lb(int port);

  /**
   * JDBC URL of the stack's database, reachable from the host.
   *
   * @return JDBC URL of the stack's database, reachable from the host
   * @throws IllegalStateException when the stack has no database ({@code database = NONE}); so do the other
   *     database methods
   */
  String jdbcUrl();

  /** {@return name of the stack's database (random per stack)} */
  String databaseName();

  /** {@return database user with all privileges on {@link #databaseName()} (random per stack)} */
  String databaseUser();

  /** {@return password of {@link #databaseUser()} (random per stack)} */
  String databasePassword();

  /** {@return a data source that logs in as {@link #databaseUser()}; shared by the whole stack} */
  DataSource dataSource();

  /**
   * Address of Redis, as {@code redis://127.0.0.1:<port>}.
   *
   * @return the address of Redis, as {@code redis://127.0.0.1:<port>}
   * @throws IllegalStateException when the stack leaves out Redis; so does {@link #redis()}
   */
  URI redisUri();

  /** {@return a Redis client; shared by the whole stack and closed with it} */
  JedisPooled redis();

  /**
   * Adds or removes replicas while tests run, without restarting the lb. New replicas are {@code web-<n>}, numbered
   * on; removed ones are the highest-numbered, drained first (out of rotation, in-flight requests finished), then
   * stopped. Returns when the lb serves exactly {@code replicas} healthy replicas.
   *
   * @param replicas how many replicas, from 1 to {@link io.github.lbstack.LoadBalancedStack#MAX_REPLICAS}
   * @throws IllegalArgumentException when {@code replicas} is outside 1 to {@link LoadBalancedStack#MAX_REPLICAS}
   * @throws IllegalStateException when the lb does not get there within {@code lbstack.startup.timeout}, naming
   *     each replica that is not in rotation and why
   */
  void scaleTo(int replicas);

  /**
   * Deploys a new version of the web tier under traffic, as a rolling deploy: for each replica (or each batch of
   * {@link Release#inBatchesOf(int)}), a replica of the release starts at a free index ({@code web-4} beside
   * {@code web-1..3}), the lb puts it in rotation, and only then is the old one drained (no new requests; those in
   * flight finish) and removed. Returns when every replica runs the release and the lb has exactly them in rotation.
   * Replicas keep their new hostnames, so {@link #replicas()} lists them afresh. On a shared stack, the replicas go
   * back to the defined version for the next class.
   *
   * <pre>{@code
   * try (TrafficRun traffic = Traffic.through(stack).clients(2).start()) {
   *   traffic.awaitRequests(20);
   *   stack.rollOut(Release.image("shop:2.0").version("2.0"));
   *   assertThat(traffic.stop()).hasNoFailures().switchesTo("2.0");
   * }
   * }</pre>
   *
   * @param release the version to deploy
   * @return what the rollout did, with its times
   * @throws RolloutFailedException when a new replica does not become healthy or enter rotation within the
   *     release's ready timeout; by then the new replicas are gone and the old version serves on every replica
   * @throws IllegalStateException when the lb has no free slot for the new replicas
   */
  Rollout rollOut(Release release);

  /**
   * Deploys a new version blue/green: a full set of replicas of the release starts beside the serving ones, the lb
   * checks them without sending them requests, then switches in one step (the new set in rotation, the old one
   * drained) and the old replicas go once they have finished their requests. The returned rollout's
   * {@code firstNewInRotationNanos} and {@code lastOldOutNanos} bound the switch: a request sent after the second
   * reaches the new version, and one that completed before the first was served by the old. A new set that does
   * not become healthy is removed before the switch, and the old version serves on. {@link #rollBack()} switches
   * back the rolling way. {@link Release#inBatchesOf(int)} does not apply.
   *
   * @param release the version to switch to
   * @return what the switch did, with its times
   * @throws RolloutFailedException when the new set does not become healthy within the release's ready timeout
   * @throws IllegalStateException when the lb has fewer free slots than replicas
   */
  Rollout switchTo(Release release);

  /**
   * Rolls the last rollout (or switch) back, the rolling way: every replica is replaced by one of the version before it.
   *
   * @return what the rollback did
   * @throws IllegalStateException when nothing was rolled out since the stack started (or this class took it)
   * @throws RolloutFailedException when a replica of the old version does not come back
   */
  Rollout rollBack();

  /** {@return each replica's hostname to the version it runs ({@link Replica#version()}), in index order} */
  Map<String, String> versions();

  /**
   * The version the replica with this hostname runs, or ran when a scaling or rollout removed it a moment ago, so a
   * request it served just before it went is still told apart. Traffic runs record it for every request.
   *
   * @param hostname a replica's hostname, such as {@code "web-2"}
   * @return its version, or {@code null} when no replica of this stack had that hostname
   */
  String versionOf(String hostname);

  /** {@return the lb's current view of each replica: hostname to {@code UP}, {@code DOWN}} */
  Map<String, String> lbStatuses();

  /**
   * {@return every backend (and listen section) of the lb's config, with the HTTP requests it has received since
   * the lb started} The replicas' backend is {@code web} in a generated config, {@code @Lb(backend)} in yours.
   * {@code Routing} (in {@code io.github.lbstack.traffic}) reads it to say where a request went.
   */
  Map<String, Long> lbBackendRequests();

  /**
   * {@return the HTTP responses the lb has finished sending since it started, over every frontend of its config}
   * The lb counts a request here and in {@link #lbBackendRequests()} at the same moment: when it has finished with
   * it, which can be just after the client has read the response. So wait for this count to move before reading
   * where a request went, as {@code Routing} does.
   */
  long lbResponses();

  /**
   * {@return the HTTP requests the lb has received and not finished yet, over every frontend of its config}
   * 0 means that {@link #lbResponses()} and {@link #lbBackendRequests()} hold every request sent so far: a request
   * sent just before (its response read, the lb not yet done with it) would otherwise land in the next reading.
   * {@code Routing} waits for 0 before and after each request. On nginx it is always 0: lbstack counts nginx's
   * requests from its access log, which has a line only for a finished request.
   */
  long lbRequestsUnderWay();

  /**
   * Returns the stack's data to what it was when the stack became ready: seed rows (from
   * {@link LoadBalancedStack#databaseInit()} or the app's own start) stay, rows added since go, and Redis holds its
   * keys of then. The migration history ({@code lbstack.reset.keep-tables}) and the schema are left alone, so
   * replicas keep running. With {@code lbstack.reset.mode=truncate}, and for a kept stack taken up by a later run,
   * every other table is emptied and Redis flushed instead. Call it in {@code @BeforeAll} (or {@code @BeforeEach}) of
   * a class that needs a clean slate on a shared stack.
   */
  void resetData();

  /**
   * Everything a service's container has written so far.
   *
   * @param service {@code "lb"}, {@code "mysql"} or {@code "postgres"}, {@code "redis"} or a replica hostname such
   *     as {@code "web-1"}
   * @return everything a service's container has written so far
   * @throws IllegalArgumentException for an unknown service, naming the known ones
   */
  String logs(String service);

  /**
   * Removes the stack: every container and its network. Only for stacks started with
   * {@link StackDefinition#start()}; an injected stack belongs to the extension, which refuses this call.
   */
  @Override
  void close();
}
