package io.github.lbstack.samples.bench;

import io.github.lbstack.Database;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code resetData()} after a test added a row: back to the data at ready (snapshot, the default) against emptying
 * every table (truncate, the baseline: it loses the seed, and after its first run it empties tables that hold only
 * the added row), on a small seed (49 rows in 7 tables) and a large one (100,000 rows), on MySQL and on PostgreSQL.
 * Each stack is made once; the resets are interleaved across the eight, so no variant gets the quiet moments.
 */
final class ResetBench {

  private record Case(String name, Database database, String mode, Path seed, int seedRows) {}

  private ResetBench() {}

  static Map<String, Samples> measure(int runs) throws Exception {
    Path small = Setup.tempFile("small-seed.sql", smallSeed());
    Path large = Setup.tempFile("large-seed.sql", largeSeed());
    List<Case> cases = new ArrayList<>();
    for (Database database : List.of(Database.MYSQL, Database.POSTGRES)) {
      String on = database == Database.MYSQL ? "MySQL: " : "PostgreSQL: ";
      cases.add(new Case(on + "snapshot, 49 rows in 7 tables", database, "snapshot", small, 49));
      cases.add(new Case(on + "truncate, 49 rows in 7 tables", database, "truncate", small, 49));
      cases.add(new Case(on + "snapshot, 100,000 rows", database, "snapshot", large, 100_000));
      cases.add(new Case(on + "truncate, 100,000 rows", database, "truncate", large, 100_000));
    }
    Map<String, Samples> figures = new LinkedHashMap<>();
    Map<Case, RunningStack> stacks = new LinkedHashMap<>();
    try {
      for (Case c : cases) {
        // Code-started stacks read their configuration from system properties.
        System.setProperty("lbstack.reset.mode", c.mode());
        stacks.put(c, StackDefinition.builder().replicas(1).database(c.database())
            .dockerfile(Setup.DOCKERFILE, "BASE_IMAGE=${image.jre}").databaseInit(c.seed().toString())
            // The app migrates with Flyway, which wants an empty schema unless told to baseline under the seed.
            .env("FLYWAY_BASELINE_ON_MIGRATE=true", "FLYWAY_BASELINE_VERSION=0").start());
        figures.put(c.name(), new Samples());
      }
      for (int run = 1; run <= runs; run++) {
        for (Case c : cases) {
          RunningStack stack = stacks.get(c);
          execute(stack, "INSERT INTO t1 (id, name) VALUES (1000001, 'added by a test')");
          long start = System.nanoTime();
          stack.resetData();
          figures.get(c.name()).add((System.nanoTime() - start) / 1e6);
          int left = rows(stack);
          int expected = c.mode().equals("snapshot") ? c.seedRows() : 0;
          if (left != expected) {
            throw new IllegalStateException(c.name() + ": " + left + " rows after the reset, expected " + expected);
          }
        }
        System.out.printf("reset run %d done%n", run);
      }
    } finally {
      System.clearProperty("lbstack.reset.mode");
      stacks.values().forEach(RunningStack::close);
    }
    return figures;
  }

  private static void execute(RunningStack stack, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.databaseUser(),
        stack.databasePassword()); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int rows(RunningStack stack) throws Exception {
    int total = 0;
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.databaseUser(),
        stack.databasePassword()); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      // Through the driver's metadata, which both databases answer alike: the seed's tables t1 to t7.
      try (ResultSet result = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "t%",
          new String[] {"TABLE"})) {
        while (result.next()) {
          if (result.getString("TABLE_NAME").matches("t[0-9]+")) {
            tables.add(result.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          result.next();
          total += result.getInt(1);
        }
      }
    }
    return total;
  }

  /** Seven reference tables of seven rows, as an app's seed data might be. */
  private static String smallSeed() {
    StringBuilder sql = new StringBuilder();
    for (int table = 1; table <= 7; table++) {
      sql.append("CREATE TABLE t").append(table).append(" (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);\n");
      sql.append("INSERT INTO t").append(table).append(" VALUES ");
      for (int row = 1; row <= 7; row++) {
        sql.append(row == 1 ? "" : ", ").append("(").append(row).append(", 'seed ").append(table).append('-')
            .append(row).append("')");
      }
      sql.append(";\n");
    }
    return sql.toString();
  }

  /** One table of 100,000 rows, made by cross joins (portable: no recursion limit to raise). */
  private static String largeSeed() {
    return "CREATE TABLE digits (d INT PRIMARY KEY);\n"
        + "INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);\n"
        + "CREATE TABLE t1 (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
        + "INSERT INTO t1 SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1, CONCAT('seed ', "
        + "a.d, b.d, c.d, e.d, f.d) FROM digits a, digits b, digits c, digits e, digits f;\n";
  }
}
