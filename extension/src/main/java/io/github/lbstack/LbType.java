package io.github.lbstack;

/**
 * Which load balancer fronts the replicas ({@link Lb#type()}).
 *
 * <p>Both balance with the same {@link Balance} choices and report the serving replica in {@code X-Served-By}.
 * What differs comes from the balancers themselves: nginx open source has no Runtime API, no active health checks
 * and no per-server counters, so lbstack changes its upstream by rewriting it and reloading gracefully, checks the
 * replicas itself through the lb, and counts requests from nginx's access log. The README's "Your own load balancer"
 * lists what nginx cannot do ({@code stickyCookie}, TLS on the generated file, the swarm backend); asking for one
 * fails before anything starts, naming it. With {@link Lb#config()} it runs your own {@code nginx.conf}, its
 * {@link Lb#backend()} naming the upstream whose servers are the app's replicas.
 */
public enum LbType {
  /** HAProxy, the default: image {@code haproxy:3.2}, {@code lbstack.image.haproxy}. */
  HAPROXY,
  /** nginx open source: image {@code nginx:1.28}, {@code lbstack.image.nginx}. */
  NGINX
}
