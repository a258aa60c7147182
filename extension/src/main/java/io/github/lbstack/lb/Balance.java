package io.github.lbstack.lb;

/** HAProxy balancing algorithms the stack can use. */
public enum Balance {
  ROUND_ROBIN("roundrobin"),
  LEAST_CONN("leastconn"),
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
