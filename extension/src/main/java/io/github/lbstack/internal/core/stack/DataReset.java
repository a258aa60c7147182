package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Resets a stack's data so a class starts clean on a shared stack. With a snapshot (taken when the stack became
 * ready, {@code lbstack.reset.mode=snapshot}, the default), the data goes back to what it was then: the app's seed
 * rows stay, the rows tests added go. Without one ({@code truncate}, or a kept stack taken up by a later run, whose
 * snapshot died with the run that took it), {@code FLUSHALL} on Redis and {@code TRUNCATE} of every table except the
 * kept ones (migration history by default, so the app does not migrate again). The schema always stays, so running
 * replicas keep working.
 */
public final class DataReset {

  private static final Logger LOG = Log.LBSTACK;

  private final CoreStack stack;

  DataReset(CoreStack stack) {
    this.stack = stack;
  }

  /** The lower-case names of the tables a reset leaves alone. */
  static Set<String> keptTables(CoreStack stack) {
    return stack.spec().keepTables().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  void run() {
    long start = System.nanoTime();
    DataSnapshot snapshot = stack.snapshot();
    if (snapshot != null) {
      try {
        List<String> reset = snapshot.restore(stack.hasMysql() ? stack.dataSource() : null,
            stack.hasRedis() ? stack.redis() : null, keptTables(stack));
        LOG.info("lbstack {}: data reset to its state at ready in {} ms: {} rows in {} tables, {} Redis keys", stack.id(),
            (System.nanoTime() - start) / 1_000_000, snapshot.rows(), reset.size(), snapshot.keys());
      } catch (SQLException e) {
        throw new IllegalStateException("lbstack " + stack.id() + " could not reset the database: " + e.getMessage(),
            e);
      }
      return;
    }
    List<String> truncated = stack.hasMysql() ? truncateTables() : List.of();
    if (stack.hasRedis()) {
      stack.redis().flushAll();
    }
    LOG.info("lbstack {}: data reset in {} ms: {}{}", stack.id(), (System.nanoTime() - start) / 1_000_000,
        stack.hasRedis() ? "redis flushed, " : "", stack.hasMysql() ? "truncated " + truncated : "no database");
  }

  private List<String> truncateTables() {
    Set<String> keep = keptTables(stack);
    List<String> truncated = new ArrayList<>();
    try (Connection connection = stack.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
          + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      // Foreign keys would make TRUNCATE fail; the checks are per session, so only this connection skips them.
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (String table : tables) {
        if (!keep.contains(table.toLowerCase(Locale.ROOT))) {
          statement.execute("TRUNCATE TABLE `" + table.replace("`", "``") + "`");
          truncated.add(table);
        }
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 1");
    } catch (SQLException e) {
      throw new IllegalStateException("lbstack " + stack.id() + " could not reset the database: " + e.getMessage(), e);
    }
    return truncated;
  }
}
