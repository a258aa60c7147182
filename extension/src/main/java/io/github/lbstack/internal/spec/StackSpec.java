package io.github.lbstack.internal.spec;

import java.time.Duration;
import java.util.List;

/**
 * Everything needed to start a stack, already validated. Build it with {@link StackSpecBuilder}. It is a value:
 * two equal specs describe interchangeable stacks, which is what lets classes share one.
 *
 * @param balance HAProxy's {@code balance} keyword
 * @param mysql whether the stack has a database
 * @param redis whether the stack has a cache
 * @param keepTables tables a data reset leaves alone (migration history), compared case-insensitively
 * @param fastMysql test data only: the datadir on tmpfs, durability off
 * @param spares replicas kept paused beyond {@code replicas}, so scaling up unpauses instead of starting
 * @param startOrder when the replicas start relative to the database and the lb
 */
public record StackSpec(int replicas, WebSpec web, Images images, Duration startupTimeout,
    Duration healthCheckInterval, String balance, boolean stickyCookie, boolean mysql, boolean redis,
    List<String> keepTables, boolean fastMysql, int spares,
    StartOrder startOrder) {

  public StackSpec {
    keepTables = List.copyOf(keepTables);
  }
}
