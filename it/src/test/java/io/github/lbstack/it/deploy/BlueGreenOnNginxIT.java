package io.github.lbstack.it.deploy;

import io.github.lbstack.Database;
import io.github.lbstack.Lb;
import io.github.lbstack.LbType;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;

/** The switch of {@link BlueGreenIT} behind nginx: one upstream rewrite and one reload. */
@LoadBalancedStack(replicas = 2, database = Database.NONE, redis = false,
    web = @Web(jar = RollingDeployIT.JAR, version = "blue", healthPath = "/"),
    lb = @Lb(type = LbType.NGINX))
class BlueGreenOnNginxIT extends BlueGreenIT {
}
