package io.github.lbstack;

/** How the load balancer picks a replica: HAProxy's {@code balance} algorithms. */
public enum Balance {
  /** Each replica in turn (the default). */
  ROUND_ROBIN,
  /** The replica with the fewest open connections, so a slow replica gets fewer requests. */
  LEAST_CONN,
  /** A hash of the client's address, so one client keeps one replica. */
  SOURCE
}
