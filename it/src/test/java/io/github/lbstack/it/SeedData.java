package io.github.lbstack.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Seed data: what the database scripts under {@code src/test/resources/db} make (the {@code colours} table), and what
 * the it-app writes at its start (the {@code app_seed} table).
 */
public final class SeedData {

  private SeedData() {}

  /** {@return the names the it-app seeds at its start (with {@code SEED_KEY} set), in order} */
  public static List<String> appSeed(DataSource db) throws SQLException {
    return strings(db, "SELECT name FROM app_seed ORDER BY name");
  }

  /** {@return the colours' names, by id} */
  public static List<String> colours(DataSource db) throws SQLException {
    return strings(db, "SELECT name FROM colours ORDER BY id");
  }

  /** {@return the first column of a query's rows, as strings} */
  public static List<String> strings(DataSource db, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
