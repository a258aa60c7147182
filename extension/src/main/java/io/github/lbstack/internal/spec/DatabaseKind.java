package io.github.lbstack.internal.spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database a stack runs, and everything that differs between kinds: its name on the stack's network, its port,
 * its official image's contract and its JDBC URLs. The rest of lbstack asks this type rather than testing the kind.
 */
public enum DatabaseKind {
  /** MySQL through the official {@code mysql} image's contract (MariaDB plays it on machines without MySQL). */
  MYSQL("mysql", "MySQL", 3306, "mysql", "MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PASSWORD"),
  /** PostgreSQL through the official {@code postgres} image's contract. */
  POSTGRES("postgres", "PostgreSQL", 5432, "postgresql", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"),
  /** No database: none starts and none can be injected. */
  NONE("", "no database", 0, "", "", "", "");

  private final String service;
  private final String displayName;
  private final int port;
  private final String jdbcScheme;
  /** The official image's variables for the database, its user and the user's password. */
  private final String databaseVariable;
  private final String userVariable;
  private final String passwordVariable;

  DatabaseKind(String service, String displayName, int port, String jdbcScheme, String databaseVariable,
      String userVariable, String passwordVariable) {
    this.service = service;
    this.displayName = displayName;
    this.port = port;
    this.jdbcScheme = jdbcScheme;
    this.databaseVariable = databaseVariable;
    this.userVariable = userVariable;
    this.passwordVariable = passwordVariable;
  }

  public boolean present() {
    return this != NONE;
  }

  /** {@return the container's service name and network alias: {@code mysql} or {@code postgres}} */
  public String service() {
    return service;
  }

  /** {@return "MySQL" or "PostgreSQL", for messages} */
  public String displayName() {
    return displayName;
  }

  public int port() {
    return port;
  }

  /** {@return the JDBC sub-protocol, {@code mysql} or {@code postgresql}: the replicas' {@code DB_KIND}} */
  public String jdbcScheme() {
    return jdbcScheme;
  }

  /** {@return the value users write, such as {@code postgres}} */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String image(Images images) {
    return this == POSTGRES ? images.postgres() : images.mysql();
  }

  /** {@return the JDBC URL of the stack's database from inside the stack's network} */
  public String networkJdbcUrl(String database) {
    return "jdbc:" + jdbcScheme + "://" + service + ":" + port + "/" + database;
  }

  /**
   * {@return the JDBC URL of the stack's database from the test JVM} Test stacks run without TLS: MySQL's public key
   * retrieval lets caching_sha2_password logins work without it; PostgreSQL's driver falls back to plain by itself.
   */
  public String jdbcUrl(String hostAndPort, String database) {
    String url = "jdbc:" + jdbcScheme + "://" + hostAndPort + "/" + database;
    return this == MYSQL ? url + "?sslMode=DISABLED&allowPublicKeyRetrieval=true" : url;
  }

  /**
   * The official image's variables for the stack's database, user and password.
   *
   * @param rootPassword MySQL's root password, random and never handed out; PostgreSQL's user is its superuser
   */
  public Map<String, String> containerEnv(WebEnvironment.Secrets secrets, String rootPassword) {
    Map<String, String> env = new LinkedHashMap<>();
    if (this == MYSQL) {
      env.put("MYSQL_ROOT_PASSWORD", rootPassword);
    }
    if (present()) {
      env.put(databaseVariable, secrets.database());
      env.put(userVariable, secrets.user());
      env.put(passwordVariable, secrets.password());
    }
    return env;
  }

  /** {@return the secrets a running database container was made with, read back from its environment} */
  public Optional<WebEnvironment.Secrets> secretsFrom(Map<String, String> env) {
    String database = env.get(databaseVariable);
    String user = env.get(userVariable);
    String password = env.get(passwordVariable);
    if (database == null || user == null || password == null) {
      return Optional.empty();
    }
    return Optional.of(new WebEnvironment.Secrets(database, user, password));
  }

  public static Optional<DatabaseKind> parse(String value) {
    return Arrays.stream(values()).filter(kind -> kind.key().equalsIgnoreCase(value.trim())).findFirst();
  }
}
