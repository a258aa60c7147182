package io.github.lbstack;

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
 * }</pre>
 *
 * <p>Delay and jitter are not offered: they need the kernel's netem, which this project's CI kernel (like many) does
 * not have, and lbstack ships only what a test here runs.
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
}
