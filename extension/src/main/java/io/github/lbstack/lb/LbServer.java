package io.github.lbstack.lb;

/** A backend server as the load balancer sees it: its name (the replica's hostname) and address in the network. */
public record LbServer(String name, String host, int port) {}
