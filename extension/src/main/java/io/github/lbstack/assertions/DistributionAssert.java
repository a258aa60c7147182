package io.github.lbstack.assertions;

import io.github.lbstack.Replica;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Served;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/** Assertions on which replicas served a run of requests. Failure messages show the table and the sequence. */
public class DistributionAssert extends AbstractAssert<DistributionAssert, Distribution> {

  DistributionAssert(Distribution actual) {
    super(actual, DistributionAssert.class);
  }

  /**
   * Consecutive successful requests cycle over every replica in rotation: with k replicas, each one serves, no other
   * serves, and request i and request i + k were served by the same replica. The run must show the cycle at least
   * twice. The distribution must know the replicas ({@code Traffic.through(stack)}, or through the injected lb
   * spec), or one replica serving everything would look like a perfect cycle of one.
   *
   * @return this assertion, for chaining
   */
  public DistributionAssert isRoundRobin() {
    isNotNull();
    requireKnownReplicas("isRoundRobin()");
    List<String> sequence = actual.sequence();
    int replicas = actual.replicas().size();
    Set<String> seen = new LinkedHashSet<>(sequence);
    if (!seen.equals(actual.replicas())) {
      Set<String> idle = new LinkedHashSet<>(actual.replicas());
      idle.removeAll(seen);
      Set<String> strangers = new LinkedHashSet<>(seen);
      strangers.removeAll(actual.replicas());
      failWithMessage("Expected round-robin over the %d replicas in rotation %s, but %s.%n%s", replicas,
          actual.replicas(), idle.isEmpty() ? "replicas not in rotation served: " + strangers
              : "these served nothing: " + idle, describe());
    }
    if (sequence.size() < 2 * replicas) {
      failWithMessage("Expected a round-robin run to repeat its cycle at least twice, but %d successful requests over "
          + "%d replicas do not.%n%s", sequence.size(), replicas, describe());
    }
    for (int i = 0; i + replicas < sequence.size(); i++) {
      if (!sequence.get(i).equals(sequence.get(i + replicas))) {
        failWithMessage("Expected round-robin over %d replicas, but request %d went to <%s> and request %d to <%s>.%n%s",
            replicas, i + 1, sequence.get(i), i + 1 + replicas, sequence.get(i + replicas), describe());
      }
    }
    return this;
  }

  /**
   * Every replica's share of successful requests is within {@code percent} % of an even share.
   *
   * @param percent the largest deviation from the mean, in percent
   * @return this assertion, for chaining
   */
  public DistributionAssert isEvenWithin(double percent) {
    isNotNull();
    Map<String, Long> counts = actual.counts();
    Set<String> replicas = new LinkedHashSet<>(actual.replicas());
    replicas.addAll(counts.keySet());
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (replicas.isEmpty() || total == 0) {
      failWithMessage("Expected an even spread, but no request succeeded.%n%s", describe());
    }
    double even = (double) total / replicas.size();
    for (String replica : replicas) {
      long count = counts.getOrDefault(replica, 0L);
      double deviation = Math.abs(count - even) / even * 100;
      if (deviation > percent) {
        failWithMessage("Expected every replica within %.1f%% of an even share (%.1f requests), but <%s> served %d "
            + "(%.1f%% off).%n%s", percent, even, replica, count, deviation, describe());
      }
    }
    return this;
  }

  /**
   * Every replica in rotation served at least one request (needs a distribution that knows them).
   *
   * @return this assertion, for chaining
   */
  public DistributionAssert coversAllReplicas() {
    isNotNull();
    requireKnownReplicas("coversAllReplicas()");
    Set<String> missing = new LinkedHashSet<>(actual.replicas());
    missing.removeAll(actual.counts().keySet());
    if (!missing.isEmpty()) {
      failWithMessage("Expected every replica to serve, but <%s> served nothing.%n%s", missing, describe());
    }
    return this;
  }

  /**
   * Every one of these replicas served at least one request, and no other replica did.
   *
   * @param replicas how many replicas, from 1 to {@link io.github.lbstack.LoadBalancedStack#MAX_REPLICAS}
   * @return this assertion, for chaining
   */
  public DistributionAssert coversExactly(String... replicas) {
    isNotNull();
    if (replicas.length == 0) {
      throw new IllegalArgumentException("coversExactly() needs at least one replica: an empty run would pass it");
    }
    Set<String> expected = new LinkedHashSet<>(Arrays.asList(replicas));
    Set<String> seen = actual.counts().keySet();
    if (!seen.equals(expected)) {
      failWithMessage("Expected requests served by exactly <%s>, but they were served by <%s>.%n%s", expected, seen,
          describe());
    }
    return this;
  }

  /**
   * Exactly {@code count} distinct replicas served requests.
   *
   * @param count how many requests
   * @return this assertion, for chaining
   */
  public DistributionAssert coversReplicas(int count) {
    isNotNull();
    if (count < 1) {
      throw new IllegalArgumentException("coversReplicas(" + count + ") needs 1 or more: an empty run would pass it");
    }
    if (actual.counts().size() != count) {
      failWithMessage("Expected requests served by %d replicas, but %d served them.%n%s", count,
          actual.counts().size(), describe());
    }
    return this;
  }

  /**
   * Requests were sent, and none failed: every one got a 2xx or 3xx response naming its replica.
   *
   * @return this assertion, for chaining
   */
  public DistributionAssert hasNoFailures() {
    isNotNull();
    requireRequests("hasNoFailures()");
    if (!actual.failures().isEmpty()) {
      failWithMessage("Expected no failed requests, but %d of %d failed, first: <%s>.%n%s", actual.failures().size(),
          actual.requests().size(), actual.failures().get(0).error(), describe());
    }
    return this;
  }

  /**
   * Every successful request was served by this one replica.
   *
   * @param replica the replica's hostname, such as {@code "web-2"}
   * @return this assertion, for chaining
   */
  public DistributionAssert isStickyTo(String replica) {
    isNotNull();
    Set<String> seen = actual.counts().keySet();
    if (seen.isEmpty() || !seen.equals(Set.of(replica))) {
      failWithMessage("Expected every request to stick to <%s>, but they were served by <%s>.%n%s", replica, seen,
          describe());
    }
    return this;
  }

  /**
   * As {@link #isStickyTo(String)}, naming the replica by its handle.
   *
   * @param replica the replica's hostname, such as {@code "web-2"}
   * @return this assertion, for chaining
   */
  public DistributionAssert isStickyTo(Replica replica) {
    return isStickyTo(replica.hostname());
  }

  /**
   * Other replicas served requests, and this one served none.
   *
   * @param replica the replica's hostname, such as {@code "web-2"}
   * @return this assertion, for chaining
   */
  public DistributionAssert doesNotReach(String replica) {
    isNotNull();
    if (actual.sequence().isEmpty()) {
      failWithMessage("Expected requests served by replicas other than <%s>, but no request succeeded at all.%n%s",
          replica, describe());
    }
    if (actual.counts().containsKey(replica)) {
      failWithMessage("Expected no request served by <%s>, but it served %d.%n%s", replica,
          actual.counts().get(replica), describe());
    }
    return this;
  }

  /**
   * The run switched to {@code version}: its first successful request was served by another version, its last by
   * this one. With {@code Release} and {@code RunningStack.rollOut}, it checks that traffic ran over the whole
   * rollout and that the new version serves at its end.
   *
   * @param version the version the run should end on, such as {@code "2.0"}
   * @return this assertion, for chaining
   */
  public DistributionAssert switchesTo(String version) {
    isNotNull();
    requireRequests("switchesTo()");
    List<Served> versioned = versioned("switchesTo()");
    String first = versioned.get(0).version();
    String last = versioned.get(versioned.size() - 1).version();
    if (!actual.versions().containsKey(version)) {
      failWithMessage("Expected the run to switch to <%s>, but no request was served by it; versions served: %s.%n%s",
          version, actual.versions(), describe());
    }
    if (first.equals(version)) {
      failWithMessage("Expected the run to start on another version and switch to <%s>, but its first successful "
          + "request was served by <%s> already: start the traffic before the rollout.%n%s", version, version,
          describe());
    }
    if (!last.equals(version)) {
      failWithMessage("Expected the run to end on <%s>, but its last successful request was served by <%s>; "
          + "versions served: %s.%n%s", version, last, actual.versions(), describe());
    }
    return this;
  }

  /**
   * Once a client has been served by {@code version}, no other version serves it again: what users of a rolling
   * deploy with sticky sessions expect (see {@code Traffic.keepCookies()}). Without stickiness, round robin sends a
   * client back and forth while old and new replicas share the rotation, and this fails.
   *
   * @param version the new version, such as {@code "2.0"}
   * @return this assertion, for chaining
   */
  public DistributionAssert noClientGoesBackAfter(String version) {
    isNotNull();
    requireRequests("noClientGoesBackAfter()");
    List<Served> versioned = versioned("noClientGoesBackAfter()");
    if (versioned.stream().allMatch(request -> request.client() == 0)) {
      failWithMessage("Expected requests of known clients, but none says which client sent it: use a run of "
          + "Traffic (Traffic.through(stack).clients(n)...).%n%s", describe());
    }
    java.util.Map<Integer, Served> firstOnVersion = new java.util.HashMap<>();
    for (Served request : versioned) {
      Served first = firstOnVersion.get(request.client());
      if (first != null && !request.version().equals(version)) {
        failWithMessage("Expected no client to go back from <%s>, but client %d was served by <%s> at request %d "
            + "(%s) and then by <%s> at request %d (%s).%n%s", version, request.client(), version,
            actual.requests().indexOf(first) + 1, first.replica(), request.version(),
            actual.requests().indexOf(request) + 1, request.replica(), describe());
      }
      if (first == null && request.version().equals(version)) {
        firstOnVersion.put(request.client(), request);
      }
    }
    if (firstOnVersion.isEmpty()) {
      failWithMessage("Expected clients to be served by <%s>, but no request was; versions served: %s.%n%s", version,
          actual.versions(), describe());
    }
    return this;
  }

  /**
   * Two versions served side by side for at most {@code limit}: from the first request served by the version the run
   * ends on to the last request (by send time) served by any other. A blue/green switch has a window near zero; a
   * rolling deploy's lasts while old and new replicas share the rotation.
   *
   * @param limit the longest mixed window allowed
   * @return this assertion, for chaining
   */
  public DistributionAssert hasMixedWindowAtMost(java.time.Duration limit) {
    isNotNull();
    requireRequests("hasMixedWindowAtMost()");
    List<Served> versioned = versioned("hasMixedWindowAtMost()");
    String last = versioned.get(versioned.size() - 1).version();
    Served firstNew = versioned.stream().filter(request -> request.version().equals(last)).findFirst().orElseThrow();
    Served lastOld = null;
    for (Served request : versioned) {
      if (!request.version().equals(last)) {
        lastOld = request;
      }
    }
    if (lastOld == null) {
      failWithMessage("Expected two versions to serve, one after the other, but every successful request was served "
          + "by <%s>.%n%s", last, describe());
    }
    long window = Math.max(0, lastOld.startNanos() - firstNew.startNanos());
    if (window > limit.toNanos()) {
      failWithMessage("Expected versions to serve side by side for at most %d ms, but <%s> first served at request "
          + "%d and <%s> last served at request %d, %d ms later.%n%s", limit.toMillis(), last,
          actual.requests().indexOf(firstNew) + 1, lastOld.version(), actual.requests().indexOf(lastOld) + 1,
          window / 1_000_000, describe());
    }
    return this;
  }

  /** The successful requests of known version; fails when there are none. */
  private List<Served> versioned(String assertion) {
    List<Served> versioned = actual.requests().stream()
        .filter(request -> !request.failed() && request.version() != null).toList();
    if (versioned.isEmpty()) {
      failWithMessage("%s needs the version of each request, and no successful request has one: build the run with "
          + "Traffic.through(stack) or Traffic.through(lb) with the injected lb spec.%n%s", assertion, describe());
    }
    return versioned;
  }

  private void requireKnownReplicas(String assertion) {
    if (actual.replicas().isEmpty()) {
      failWithMessage("%s needs to know which replicas are in rotation, and this distribution does not: build it with "
          + "Traffic.through(stack) or Traffic.through(lb) with the injected lb spec, or name them with "
          + "coversExactly(...).%n%s", assertion, describe());
    }
  }

  private void requireRequests(String assertion) {
    if (actual.requests().isEmpty()) {
      failWithMessage("Expected %s on a run of requests, but the run is empty: no request was sent.", assertion);
    }
  }

  private String describe() {
    return actual.table() + "sequence: " + actual.describeSequence();
  }
}
