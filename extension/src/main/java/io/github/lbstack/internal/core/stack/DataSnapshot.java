package io.github.lbstack.internal.core.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A stack's data as it was when the stack became ready (the app's migrations and seed rows included), kept in the
 * test JVM, and put back by a reset: each table emptied and refilled with its rows of then, Redis flushed and its
 * keys of then restored. Tables made later are emptied; the kept tables (migration history) are left alone. The
 * schema is never touched, so running replicas keep working.
 */
final class DataSnapshot {

  /** Rows per INSERT: few round trips, and well under the server's limit of 65,535 placeholders. */
  private static final int ROWS_PER_INSERT = 500;

  private record Table(String name, List<String> columns, List<Object[]> rows) {}

  private record Key(byte[] name, byte[] dump, long ttlMillis) {}

  /** No rows and no keys: restoring it empties every table but the kept ones, and Redis. */
  static final DataSnapshot EMPTY = new DataSnapshot(Map.of(), List.of(), List.of());

  private final Map<String, Table> tables;
  private final List<SqlDialect.Sequence> sequences;
  private final List<Key> keys;

  private DataSnapshot(Map<String, Table> tables, List<SqlDialect.Sequence> sequences, List<Key> keys) {
    this.tables = tables;
    this.sequences = sequences;
    this.keys = keys;
  }

  /** What the database (if any) and Redis (if any) hold now; {@code keep} names tables to leave out, lower case. */
  static DataSnapshot take(DataSource db, SqlDialect dialect, JedisPooled redis, Set<String> keep)
      throws SQLException {
    Map<String, Table> tables = new LinkedHashMap<>();
    List<SqlDialect.Sequence> sequences = List.of();
    if (db != null) {
      try (Connection connection = db.getConnection()) {
        Map<String, List<String>> columns = writableColumns(connection, dialect);
        for (String table : baseTables(connection, dialect)) {
          if (!keep.contains(table.toLowerCase(Locale.ROOT)) && columns.containsKey(table)) {
            tables.put(table, read(connection, dialect, table, columns.get(table)));
          }
        }
        sequences = dialect.sequences(connection);
      }
    }
    List<Key> keys = new ArrayList<>();
    if (redis != null) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<byte[]> page = redis.scan(cursor.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            new ScanParams().count(1000));
        for (byte[] key : page.getResult()) {
          byte[] dump = redis.dump(key);
          if (dump != null) {
            keys.add(new Key(key, dump, Math.max(0, redis.pttl(key))));
          }
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
    return new DataSnapshot(tables, List.copyOf(sequences), keys);
  }

  /** {@return rows held, for the log} */
  int rows() {
    return tables.values().stream().mapToInt(table -> table.rows().size()).sum();
  }

  /** {@return Redis keys held, for the log} */
  int keys() {
    return keys.size();
  }

  /**
   * Puts the data back.
   *
   * @return the tables emptied (and refilled where the snapshot has rows for them)
   */
  List<String> restore(DataSource db, SqlDialect dialect, JedisPooled redis, Set<String> keep) throws SQLException {
    List<String> reset = new ArrayList<>();
    if (db != null) {
      try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
        // Foreign keys would make TRUNCATE and out-of-order refills fail; the checks are per session.
        dialect.beforeRestore(connection, statement);
        boolean done = false;
        try {
          for (String table : baseTables(connection, dialect)) {
            if (!keep.contains(table.toLowerCase(Locale.ROOT))) {
              reset.add(table);
            }
          }
          dialect.empty(statement, reset);
          for (String table : reset) {
            Table then = tables.get(table);
            if (then != null && !then.rows().isEmpty()) {
              insert(connection, dialect, then);
            }
          }
          dialect.restore(connection, sequences);
          done = true;
        } finally {
          if (done) {
            dialect.afterRestore(connection, statement);
          } else if (!connection.getAutoCommit()) {
            connection.rollback();
          }
        }
      }
    }
    if (redis != null) {
      redis.flushAll();
      for (Key key : keys) {
        redis.restore(key.name(), key.ttlMillis(), key.dump());
      }
    }
    return reset;
  }

  private static List<String> baseTables(Connection connection, SqlDialect dialect) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(dialect.tablesQuery())) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /**
   * Every table's columns in one query, in order; generated columns are left out, since they cannot be written and
   * the server computes them again on the refill.
   */
  private static Map<String, List<String>> writableColumns(Connection connection, SqlDialect dialect)
      throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(dialect.columnsQuery())) {
      while (rows.next()) {
        columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return columns;
  }

  private static Table read(Connection connection, SqlDialect dialect, String table, List<String> columns)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT " + columns.stream().map(dialect::quoted)
            .collect(Collectors.joining(", ")) + " FROM " + dialect.quoted(table))) {
      while (result.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = result.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    return new Table(table, List.copyOf(columns), Collections.unmodifiableList(rows));
  }

  private static void insert(Connection connection, SqlDialect dialect, Table table) throws SQLException {
    String row = "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    String into = dialect.insertInto(table.name(), table.columns());
    List<Object[]> rows = table.rows();
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      try (PreparedStatement statement = connection.prepareStatement(
          into + String.join(", ", Collections.nCopies(chunk.size(), row)))) {
        int parameter = 1;
        for (Object[] values : chunk) {
          for (Object value : values) {
            statement.setObject(parameter++, value);
          }
        }
        statement.executeUpdate();
      }
    }
  }
}
