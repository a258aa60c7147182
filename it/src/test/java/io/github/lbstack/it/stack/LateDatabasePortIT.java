package io.github.lbstack.it.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * A database that keeps its port closed for longer than the 5 s reachability check, as the official {@code mysql}
 * image does while it initialises with networking off. On a remote engine (./run remote-tests) published ports go
 * through the engine's NAT rules, so the port is refused until the server listens: the stack must wait for it, not
 * fail. On a local engine the userland proxy accepts at once, so there the test only proves the stack still starts.
 */
class LateDatabasePortIT {

  /** Time is this script's subject: it holds the server's port closed while the entrypoint runs init scripts. */
  private static final String HOLD_PORT_CLOSED = "#!/bin/sh\necho 'it: holding the port closed for 8 s'\nsleep 8\n";

  @Test
  void aStackWhoseDatabaseListensOnlyAfterSlowInitScriptsStarts() {
    // The image's own contract: scripts in /docker-entrypoint-initdb.d run before the server opens its port.
    String image = new ImageFromDockerfile("lbstack-it/mysql-late-port", false)
        .withFileFromString("Dockerfile", "FROM " + ItImages.mysql() + "\n"
            + "COPY 00-hold-port-closed.sh /docker-entrypoint-initdb.d/00-hold-port-closed.sh\n")
        .withFileFromString("00-hold-port-closed.sh", HOLD_PORT_CLOSED)
        .get();

    ItRuns.assertAllSucceeded(ItImages.engine()
        .configurationParameter(LoadBalancedStack.MYSQL_IMAGE_PROPERTY, image)
        .selectors(selectClass(LateDatabaseTestCase.class)).execute(), 1);
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "${it.app.jar}"))
  static class LateDatabaseTestCase {

    @Test
    void theDatabaseAnswersAfterItsInitScriptHeldThePortClosed(RunningStack stack) throws Exception {
      assertThat(stack.logs("mysql")).contains("it: holding the port closed for 8 s");
      try (Connection connection = stack.dataSource().getConnection();
          ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getInt(1)).isEqualTo(1);
      }
    }
  }
}
