package io.github.lbstack.internal.spec;

/**
 * How the load balancer picks a replica; the API's {@code Balance} constants map to these by name, and each
 * balancer turns the name into its own directive.
 */
public enum Balancing {
  ROUND_ROBIN,
  LEAST_CONN,
  SOURCE
}
