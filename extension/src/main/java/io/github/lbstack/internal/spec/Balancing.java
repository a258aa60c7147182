package io.github.lbstack.internal.spec;

/** How the load balancer picks a replica; the API's {@code Balance} constants map to these by name. */
public enum Balancing {
  ROUND_ROBIN("roundrobin"),
  LEAST_CONN("leastconn"),
  SOURCE("source");

  private final String haproxyKeyword;

  Balancing(String haproxyKeyword) {
    this.haproxyKeyword = haproxyKeyword;
  }

  /** The keyword of HAProxy's {@code balance} directive. */
  public String haproxyKeyword() {
    return haproxyKeyword;
  }
}
