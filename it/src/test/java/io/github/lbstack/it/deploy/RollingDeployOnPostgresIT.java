package io.github.lbstack.it.deploy;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;

/** The rolling deploy of {@link RollingDeployIT} on PostgreSQL: the same replicas, with {@code DB_KIND=postgresql}. */
@LoadBalancedStack(replicas = 3, web = @Web(jar = RollingDeployIT.JAR, version = "1.0"), database = Database.POSTGRES)
class RollingDeployOnPostgresIT extends RollingDeployIT {
}
