package io.github.lbstack.internal.lb;

/** Which balancer a stack runs; the API's {@code LbType} constants map to these by name. */
public enum LbKind {
  HAPROXY("HAProxy"),
  NGINX("nginx");

  private final String displayName;

  LbKind(String displayName) {
    this.displayName = displayName;
  }

  /** The balancer's own name, for messages. */
  public String displayName() {
    return displayName;
  }
}
