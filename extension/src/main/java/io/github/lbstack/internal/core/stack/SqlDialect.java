package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.spec.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What differs between MySQL and PostgreSQL when a {@link DataSnapshot} is read and put back. */
sealed interface SqlDialect {

  /** A sequence's position, for PostgreSQL, whose sequences a refill with the old ids does not move. */
  record Sequence(String name, long value, boolean called) {}

  static SqlDialect of(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRES ? new Postgres() : new Mysql();
  }

  /** {@return the SQL function that names the connection's schema} */
  String currentSchema();

  /** {@return the condition on {@code information_schema.columns} that keeps the columns an INSERT may write} */
  String writableColumn();

  /** {@return the query of the current schema's base tables, one name per row} */
  default String tablesQuery() {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = " + currentSchema()
        + " AND table_type = 'BASE TABLE'";
  }

  /** {@return the query of (table, column) for every writable column of the schema, in column order} */
  default String columnsQuery() {
    return "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = " + currentSchema()
        + " AND " + writableColumn() + " ORDER BY table_name, ordinal_position";
  }

  String quoted(String identifier);

  /** Starts a restore: foreign keys off for this session, since tables are emptied and refilled in any order. */
  void beforeRestore(Connection connection, Statement statement) throws SQLException;

  void afterRestore(Connection connection, Statement statement) throws SQLException;

  void empty(Statement statement, List<String> tables) throws SQLException;

  /** {@return the start of a multi-row INSERT of these columns, up to {@code VALUES }} */
  default String insertInto(String table, List<String> columns) {
    return "INSERT INTO " + quoted(table) + " (" + columns.stream().map(this::quoted).collect(Collectors.joining(", "))
        + ") VALUES ";
  }

  default List<Sequence> sequences(Connection connection) throws SQLException {
    return List.of();
  }

  default void restore(Connection connection, List<Sequence> sequences) throws SQLException {}

  /** MySQL and MariaDB: {@code TRUNCATE} resets a table's AUTO_INCREMENT, and the refill moves it past the old ids. */
  record Mysql() implements SqlDialect {

    @Override
    public String currentSchema() {
      return "DATABASE()";
    }

    @Override
    public String writableColumn() {
      // Generated columns cannot be written; the server computes them again on the refill.
      return "extra NOT LIKE '%GENERATED%'";
    }

    @Override
    public String quoted(String identifier) {
      return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public void beforeRestore(Connection connection, Statement statement) throws SQLException {
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
    }

    @Override
    public void afterRestore(Connection connection, Statement statement) throws SQLException {
      statement.execute("SET FOREIGN_KEY_CHECKS = 1");
    }

    @Override
    public void empty(Statement statement, List<String> tables) throws SQLException {
      for (String table : tables) {
        statement.execute("TRUNCATE TABLE " + quoted(table));
      }
    }
  }

  /**
   * PostgreSQL: one transaction; the stack's user is the superuser (the official image's {@code POSTGRES_USER}), so
   * {@code session_replication_role = replica} turns foreign key triggers off; sequences are put back by
   * {@code setval}, since neither {@code TRUNCATE} nor a refill with explicit ids moves them to where they were.
   */
  record Postgres() implements SqlDialect {

    @Override
    public String currentSchema() {
      return "current_schema()";
    }

    @Override
    public String writableColumn() {
      return "is_generated = 'NEVER'";
    }

    @Override
    public String quoted(String identifier) {
      return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void beforeRestore(Connection connection, Statement statement) throws SQLException {
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL session_replication_role = replica");
    }

    @Override
    public void afterRestore(Connection connection, Statement statement) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    public void empty(Statement statement, List<String> tables) throws SQLException {
      if (!tables.isEmpty()) {
        statement.execute("TRUNCATE TABLE " + tables.stream().map(this::quoted).collect(Collectors.joining(", "))
            + " RESTART IDENTITY");
      }
    }

    @Override
    public String insertInto(String table, List<String> columns) {
      // Identity columns declared GENERATED ALWAYS refuse explicit ids without it.
      return SqlDialect.super.insertInto(table, columns).replace(") VALUES ", ") OVERRIDING SYSTEM VALUE VALUES ");
    }

    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
      List<Sequence> sequences = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT sequencename, last_value, start_value FROM pg_sequences "
              + "WHERE schemaname = current_schema()")) {
        while (rows.next()) {
          long last = rows.getLong(2);
          boolean called = !rows.wasNull();
          sequences.add(new Sequence(rows.getString(1), called ? last : rows.getLong(3), called));
        }
      }
      return sequences;
    }

    @Override
    public void restore(Connection connection, List<Sequence> sequences) throws SQLException {
      if (sequences.isEmpty()) {
        return;
      }
      try (PreparedStatement setval = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, ?)")) {
        for (Sequence sequence : sequences) {
          setval.setString(1, quoted(sequence.name()));
          setval.setLong(2, sequence.value());
          setval.setBoolean(3, sequence.called());
          setval.addBatch();
        }
        setval.executeBatch();
      }
    }
  }
}
