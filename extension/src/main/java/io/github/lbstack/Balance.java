package io.github.lbstack;

/** How the load balancer picks a replica: HAProxy's {@code balance} algorithms. */
public enum Balance {
  /** Each replica in turn (the default). */
  ROUND_ROBIN("roundrobin"),
  /** The replica with the fewest open connections, so a slow replica gets fewer requests. */
  LEAST_CONN("leastconn"),
  /** A hash of the client's address, so one client keeps one replica. */
  SOURCE("source");

  private final String keyword;

  Balance(String keyword) {
    this.keyword = keyword;
  }

  /** The keyword of HAProxy's {@code balance} directive. */
  public String keyword() {
    return keyword;
  }
}
