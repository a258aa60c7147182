package io.github.lbstack;

import java.time.Duration;

/**
 * A replica's network traffic, or one link of it, to put a fault on. Each fault is applied at once, inside the
 * replica's network namespace by a helper container ({@code lbstack.image.netfault}), so the app's image needs
 * nothing; it lasts until its handle is closed, the test ends, or a shared stack is restored for the next class.
 *
 * <pre>{@code
 * try (NetworkFault fault = stack.replica(2).network().to("mysql").loss(30)) {
 *   // web-2 loses 30% of the packets it sends to the database
 * }
 * stack.replica(2).network().to("redis").partition();   // reverted when the test ends
 * stack.replica(1).network().to("lb").delay(Duration.ofMillis(200));   // web-1 answers the lb 200 ms later
 * }</pre>
 *
 * <p>Loss, partitions and bandwidth are the kernel's (iptables, tc). Delay and jitter are not the kernel's netem,
 * which many CI kernels lack, but a small delaying TCP proxy that lbstack starts in the replica's network namespace
 * on {@code lbstack.image.jre}: see {@link #delay(Duration, Duration)}.
 */
public interface ReplicaNetwork {

  /**
   * Only the link between this replica and a service of the stack.
   *
   * @param service {@code "mysql"} or {@code "postgres"}, {@code "redis"}, {@code "lb"}, or another service's name
   * @return the link, to put a fault on
   * @throws IllegalArgumentException when the name is blank; an unknown service fails when the fault is applied
   */
  ReplicaNetwork to(String service);

  /**
   * Drops this share of the packets the replica sends (on the link, or on all its traffic), at random
   * ({@code iptables -m statistic}).
   *
   * @param percent above 0 and at most 100
   * @return the fault in force; close it to revert it
   */
  NetworkFault loss(double percent);

  /**
   * Drops every packet both ways (on the link, or on all the replica's traffic): a network partition.
   *
   * @return the fault in force; close it to revert it
   */
  NetworkFault partition();

  /**
   * Limits the rate the replica sends at (on the link, or on all its traffic), with {@code tc}: TBF, or HTB with a
   * filter for a link. One bandwidth limit per replica at a time.
   *
   * @param kilobitsPerSecond 8 or more
   * @return the fault in force; close it to revert it
   */
  NetworkFault bandwidth(long kilobitsPerSecond);

  /**
   * Makes every round trip on the link this much longer: {@code delay(d, Duration.ZERO)}.
   *
   * @param delay above 0 and at most 1 minute
   * @return the fault in force; close it to revert it
   * @see #delay(Duration, Duration)
   */
  NetworkFault delay(Duration delay);

  /**
   * Makes every round trip on the link {@code delay} longer, give or take up to {@code jitter} (uniformly, and
   * never reordering what the link carries). A delaying TCP proxy in the replica's network namespace holds each
   * answer: on {@code to("lb")}, the replica's answers to the lb's requests and health checks; on a link to another
   * service, that service's answers to the replica; on all traffic, both.
   *
   * <p>The proxy works on connections: applying the delay closes the link's open connections, so that they reopen
   * through it (the lb retries its idempotent requests; a pool that does not check its connections sees one failed
   * call per pooled connection), and reverting it closes the delayed ones. A request in flight on the link at that
   * moment may fail.
   *
   * @param delay above 0 and at most 1 minute
   * @param jitter 0 or more, and at most {@code delay}
   * @return the fault in force; close it to revert it
   */
  NetworkFault delay(Duration delay, Duration jitter);
}
