package io.github.lbstack.internal.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When the web tier starts relative to the database and the lb. On few cores, JVMs starting beside MySQL's first
 * start slow each other down; BENCHMARKS.md has the measurements that chose the default.
 */
public enum StartOrder {
  /** Everything at once; the lb as soon as the replica containers exist. */
  ALL_AT_ONCE,
  /** MySQL and Redis first; the replicas once they are ready; the lb once the replica containers exist. */
  DATABASE_FIRST,
  /** MySQL, Redis and the lb first; the replicas once MySQL and Redis are ready. */
  DATABASE_AND_LB_FIRST;

  /**
   * The benchmark's choice: on 2 cores, the replicas' JVMs starting beside MySQL's first start slowed both, and the
   * lb started early costs nothing (BENCHMARKS.md: 4.36 s against 5.35 s all at once, 4.55 s database first).
   */
  public static final StartOrder DEFAULT = DATABASE_AND_LB_FIRST;

  /** The configuration value, such as {@code database-first}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<StartOrder> parse(String value) {
    return Arrays.stream(values()).filter(order -> order.key().equalsIgnoreCase(value.trim())).findFirst();
  }
}
