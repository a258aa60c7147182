package io.github.lbstack.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A user registered through the app is in the stack's database, and the migrations ran exactly once. */
@QuickstartStack
class SharedDatabaseIT {

  @Test
  void aRegisteredUserIsInTheDatabaseWithAHashedPassword(RequestSpecification lb, DataSource db) throws Exception {
    String username = Quickstart.newUsername();
    Quickstart.register(lb, username);

    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT password_hash FROM users WHERE username = ?")) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("row for %s", username).isTrue();
        assertThat(row.getString(1)).startsWith("$2a$10$").doesNotContain(Quickstart.PASSWORD);
      }
    }
  }

  @Test
  void threeReplicasStartingAtOnceMigratedExactlyOnce(DataSource db) throws Exception {
    try (Connection connection = db.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT version, COUNT(*), SUM(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history WHERE version IS NOT NULL "
                + "GROUP BY version ORDER BY version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("1");
      assertThat(rows.getInt(2)).as("times V1 was applied").isEqualTo(1);
      assertThat(rows.getInt(3)).as("failed runs of V1").isZero();
      assertThat(rows.next()).as("no other migration").isFalse();
    }
  }
}
