package io.github.lbstack.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the database scripts under {@code src/test/resources/db} seed: the {@code colours} table. */
public final class SeedData {

  private SeedData() {}

  /** {@return the colours' names, by id} */
  public static List<String> colours(DataSource db) throws SQLException {
    List<String> colours = new ArrayList<>();
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM colours ORDER BY id")) {
      while (rows.next()) {
        colours.add(rows.getString(1));
      }
    }
    return colours;
  }
}
