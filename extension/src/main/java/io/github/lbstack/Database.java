package io.github.lbstack;

/**
 * The stack's database: {@code @LoadBalancedStack(database = Database.POSTGRES)}. Whichever it is, the replicas get
 * the same {@code DB_*} variables (and {@code DB_KIND}), tests get the same {@code DataSource}, and
 * {@code resetData()} works alike.
 */
public enum Database {
  /**
   * MySQL (the default), from the official {@code mysql} image or any image with its contract
   * ({@code lbstack.image.mysql}); reached by the replicas as {@code mysql:3306}.
   */
  MYSQL,
  /**
   * PostgreSQL, from the official {@code postgres} image or any image with its contract
   * ({@code lbstack.image.postgres}); reached by the replicas as {@code postgres:5432}. The stack's user owns the
   * database and is its superuser, as {@code POSTGRES_USER} is in the official image.
   */
  POSTGRES,
  /** No database: none starts, and no {@code DataSource} can be injected. */
  NONE
}
