package io.github.lbstack.it.reuse;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A shared stack on PostgreSQL, run by {@link ReuseRun} in a child JVM: it reports how many rows an earlier run left
 * in its table ({@code none} when the table is not there), then leaves one.
 */
@LoadBalancedStack(shared = true, replicas = 1, database = Database.POSTGRES, web = @Web(jar = "${it.app.jar}"))
class ReusePostgresFixture {

  @Test
  void report(RunningStack stack, DataSource db) throws Exception {
    String before;
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT to_regclass('left_rows') IS NOT NULL")) {
        rows.next();
        if (rows.getBoolean(1)) {
          try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM left_rows")) {
            count.next();
            before = String.valueOf(count.getInt(1));
          }
        } else {
          before = "none";
          statement.execute("CREATE TABLE left_rows (id SERIAL PRIMARY KEY, note TEXT)");
        }
      }
      statement.execute("INSERT INTO left_rows (note) VALUES ('left by an earlier run')");
    }
    System.out.println("STACK " + stack.id() + " cache-before=" + before);
    System.out.flush();
  }
}
