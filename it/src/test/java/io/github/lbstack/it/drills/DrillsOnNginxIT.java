package io.github.lbstack.it.drills;

import io.github.lbstack.Database;
import io.github.lbstack.Lb;
import io.github.lbstack.LbType;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;

/**
 * Every drill of {@link DrillsIT} behind nginx: lbstack's own check through the lb takes the replica out of the
 * upstream and puts it back, as HAProxy's check does.
 */
@LoadBalancedStack(replicas = 2, database = Database.NONE, redis = false,
    web = @Web(jar = "target/it-app.jar", healthPath = "/"), lb = @Lb(type = LbType.NGINX))
class DrillsOnNginxIT extends DrillsIT {
}
