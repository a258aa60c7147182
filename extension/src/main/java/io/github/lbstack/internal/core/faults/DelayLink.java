package io.github.lbstack.internal.core.faults;

/**
 * One link a delay fault sends through its {@link DelayProxy}: the connections a peer opens to the replica's port
 * (inbound: the lb's requests), or those the replica opens to a peer's port (outbound: the database, Redis).
 *
 * @param peer the service at the other end; for an inbound link, {@code null} for any client
 * @param port the replica's own port when inbound, the peer's when outbound
 */
public record DelayLink(String peer, int port, boolean inbound) {

  public static DelayLink inbound(String peer, int replicaPort) {
    return new DelayLink(peer, replicaPort, true);
  }

  public static DelayLink outbound(String peer, int peerPort) {
    return new DelayLink(peer, peerPort, false);
  }

  /** The proxy's argument for it. */
  String proxyTarget() {
    return (inbound ? "local" : peer) + ":" + port;
  }
}
