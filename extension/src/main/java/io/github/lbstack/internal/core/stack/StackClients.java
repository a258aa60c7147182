package io.github.lbstack.internal.core.stack;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.github.lbstack.internal.backend.Endpoint;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import redis.clients.jedis.JedisPooled;

/**
 * The clients a stack hands out, made on first use and shared by everyone who asks: a data source for the database
 * and a Redis pool. Closing the stack closes them; a closed stack hands out no new pool.
 */
public final class StackClients implements AutoCloseable {

  private final String stackId;
  private final DatabaseKind kind;
  private final Supplier<String> jdbcUrl;
  private final WebEnvironment.Secrets secrets;
  private final Supplier<Endpoint> redisEndpoint;
  private volatile DataSource dataSource;
  private volatile JedisPooled redis;
  private volatile boolean closed;

  /** The suppliers fail, with what the stack lacks, when it has no database or no Redis. */
  StackClients(String stackId, DatabaseKind kind, Supplier<String> jdbcUrl, WebEnvironment.Secrets secrets,
      Supplier<Endpoint> redisEndpoint) {
    this.stackId = stackId;
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.secrets = secrets;
    this.redisEndpoint = redisEndpoint;
  }

  DataSource dataSource() {
    if (dataSource == null) {
      synchronized (this) {
        if (dataSource == null) {
          dataSource = kind == DatabaseKind.POSTGRES ? postgres(jdbcUrl.get()) : mysql(jdbcUrl.get());
        }
      }
    }
    return dataSource;
  }

  private DataSource mysql(String url) {
    MysqlDataSource created = new MysqlDataSource();
    created.setURL(url);
    created.setUser(secrets.user());
    created.setPassword(secrets.password());
    return created;
  }

  private DataSource postgres(String url) {
    PGSimpleDataSource created = new PGSimpleDataSource();
    created.setURL(url);
    created.setUser(secrets.user());
    created.setPassword(secrets.password());
    return created;
  }

  JedisPooled redis() {
    if (redis == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("lbstack stack " + stackId + " is closed");
        }
        if (redis == null) {
          Endpoint endpoint = redisEndpoint.get();
          redis = new JedisPooled(endpoint.host(), endpoint.port());
        }
      }
    }
    return redis;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (redis != null) {
      redis.close();
    }
  }
}
