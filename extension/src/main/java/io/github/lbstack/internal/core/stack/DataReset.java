package io.github.lbstack.internal.core.stack;

import io.github.lbstack.internal.Log;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Resets a stack's data so a class starts clean on a shared stack, by restoring a {@link DataSnapshot}: the one taken
 * when the stack became ready ({@code lbstack.reset.mode=snapshot}, the default), so the app's seed rows stay and the
 * rows tests added go; or, without one ({@code truncate}, or a kept stack taken up by a later run, whose snapshot died
 * with the run that took it), the empty snapshot, which is {@code TRUNCATE} of every table and {@code FLUSHALL}.
 * The kept tables (migration history by default, so the app does not migrate again) and the schema always stay, so
 * running replicas keep working.
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
    DataSnapshot atReady = stack.snapshot();
    DataSnapshot target = atReady != null ? atReady : DataSnapshot.EMPTY;
    List<String> reset;
    try {
      reset = target.restore(stack.hasDatabase() ? stack.dataSource() : null, SqlDialect.of(stack.spec().database()),
          stack.hasRedis() ? stack.redis() : null,
          keptTables(stack));
    } catch (SQLException e) {
      throw new IllegalStateException("lbstack " + stack.id() + " could not reset the database: " + e.getMessage(), e);
    }
    LOG.info("lbstack {}: data reset {} in {} ms: tables {} ({} rows), {}", stack.id(),
        atReady != null ? "to its state at ready" : "to empty", (System.nanoTime() - start) / 1_000_000, reset,
        target.rows(), stack.hasRedis() ? target.keys() + " Redis keys" : "no Redis");
  }
}
