package io.github.lbstack.it.deploy;

import io.github.lbstack.Lb;
import io.github.lbstack.LbType;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;

/** The rolling deploy of {@link RollingDeployIT} behind nginx: each step is an upstream rewrite and a reload. */
@LoadBalancedStack(replicas = 3, web = @Web(jar = RollingDeployIT.JAR, version = "1.0"),
    lb = @Lb(type = LbType.NGINX))
class RollingDeployOnNginxIT extends RollingDeployIT {
}
