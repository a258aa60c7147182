package io.github.lbstack.samples.spring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.RunningStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An order written through one replica is read through another, and is in the stack's database. */
@ShopStack
class SpringDatabaseIT {

  @Test
  void aRowWrittenThroughOneReplicaIsReadThroughAnother(RunningStack stack, DataSource db) throws Exception {
    String product = "chair-" + UUID.randomUUID().toString().substring(0, 8);
    given(stack.replica(1).spec()).formParam("product", product).post("/orders").then().statusCode(201);

    assertThat(given(stack.replica(2).spec()).get("/orders").then().statusCode(200).extract().jsonPath()
        .getList("$", String.class)).contains(product);
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT taken_by FROM orders WHERE product = ?")) {
      select.setString(1, product);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("web-1");
      }
    }
  }
}
