package io.github.lbstack.internal.lb;

/** Which balancer a stack runs; the API's {@code LbType} constants map to these by name. */
public enum LbKind {
  HAPROXY("HAProxy", new HaproxyBalancer()),
  NGINX("nginx", new NginxBalancer());

  private final String displayName;
  private final Balancer balancer;

  LbKind(String displayName, Balancer balancer) {
    this.displayName = displayName;
    this.balancer = balancer;
  }

  /** The balancer's own name, for messages. */
  public String displayName() {
    return displayName;
  }

  public Balancer balancer() {
    return balancer;
  }
}
