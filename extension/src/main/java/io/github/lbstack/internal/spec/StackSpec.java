package io.github.lbstack.internal.spec;

import io.github.lbstack.internal.lb.HealthCheck;
import io.github.lbstack.internal.lb.LbKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to start a stack, already validated: a {@link StackDeclaration} with the configuration applied,
 * made by {@link StackSpecs#from}. It is a value: two equal specs describe interchangeable stacks, which is what lets
 * classes share one.
 *
 * @param healthCheck how often the lb checks a replica, and how long a check may take
 * @param balance how the lb picks a replica
 * @param lb which balancer runs
 * @param database which database the stack runs, if any
 * @param redis whether the stack has a cache
 * @param lbConfig the user's own load balancer configuration, or empty for lbstack's generated one
 * @param lbTls whether the lb terminates TLS (asked for a generated config, or bound in the user's), so the stack
 *     needs a certificate from the run's CA
 * @param services extra containers on the stack's network, in the order declared
 * @param databaseInit scripts the database runs once before the replicas start, in this order
 * @param keepTables tables a data reset leaves alone (migration history), compared case-insensitively
 * @param resetMode what a data reset returns the data to
 * @param fastDatabase test data only: the database's data on tmpfs, durability off
 * @param warmDatabase whether the database starts from an image whose data directory was initialised once
 * @param spares replicas kept paused beyond {@code replicas}, so scaling up unpauses instead of starting
 * @param startOrder when the replicas start relative to the database and the lb
 * @param jarRuntime how the JVM of a jar lbstack runs is started
 */
public record StackSpec(int replicas, WebSpec web, Images images, Duration startupTimeout,
    HealthCheck healthCheck, Balancing balance, LbKind lb, boolean stickyCookie, Optional<UserLbConfig> lbConfig,
    boolean lbTls, DatabaseKind database, boolean redis, List<ServiceSpec> services, List<InitScript> databaseInit,
    List<String> keepTables, ResetMode resetMode, boolean fastDatabase, boolean warmDatabase, int spares, StartOrder startOrder,
    JarRuntime jarRuntime) {

  public static final int MAX_REPLICAS = 16;
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofMillis(500);
  /** Migration history of Flyway and Liquibase: a data reset that emptied it would make the app migrate again. */
  public static final List<String> DEFAULT_KEEP_TABLES = List.of("flyway_schema_history", "DATABASECHANGELOG",
      "DATABASECHANGELOGLOCK");

  /** {@return whether the stack has a database, of any kind} */
  public boolean hasDatabase() {
    return database.present();
  }

  /** {@return the lb's image} */
  public String lbImage() {
    return lb == LbKind.HAPROXY ? images.haproxy() : images.nginx();
  }

  /** {@return the database's image} */
  public String databaseImage() {
    return database.image(images);
  }

  public StackSpec {
    services = List.copyOf(services);
    databaseInit = List.copyOf(databaseInit);
    keepTables = List.copyOf(keepTables);
  }
}
