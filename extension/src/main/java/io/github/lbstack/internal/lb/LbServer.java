package io.github.lbstack.internal.lb;

/**
 * A backend server as the load balancer sees it: its name (the replica's hostname), its address in the network,
 * and whether it starts in rotation. Servers out of rotation are slots for replicas added later.
 */
public record LbServer(String name, String host, int port, boolean enabled) {}
