package io.github.lbstack.internal.lb;

import java.util.List;

/**
 * What a balancer's configuration is made from, whichever balancer it is.
 *
 * @param balance {@code ROUND_ROBIN}, {@code LEAST_CONN} or {@code SOURCE} (the API's {@code Balance} names)
 * @param stickyCookie whether each client is pinned to a replica with a cookie
 * @param webPort the replicas' port
 * @param healthPath what a replica answers when it can serve
 * @param healthCheck how often the lb (or lbstack for it) checks a replica, and how long a check may take
 * @param servers every replica's slot, enabled or not at start
 */
public record LbSettings(String balance, boolean stickyCookie, int webPort, String healthPath,
    HealthCheck healthCheck, List<LbServer> servers) {

  public LbSettings {
    servers = List.copyOf(servers);
  }
}
