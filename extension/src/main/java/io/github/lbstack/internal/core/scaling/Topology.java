package io.github.lbstack.internal.core.scaling;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.core.containers.ReplicaFactory;
import io.github.lbstack.internal.core.containers.WebRelease;
import io.github.lbstack.internal.core.readiness.ParallelStartup;
import io.github.lbstack.internal.core.readiness.Reachability;
import io.github.lbstack.internal.core.readiness.Service;
import io.github.lbstack.internal.core.readiness.Timeline;
import io.github.lbstack.internal.lb.LbControl;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;

/**
 * The web tier as it is now: which replicas exist, and which the lb has in rotation. It scales live and puts itself
 * back to the defined shape, always through the lb's Runtime API, never restarting the lb; its warm spares wait in a
 * {@link SparePool}. The lb already has a
 * disabled server slot for every possible replica, so adding a replica is starting a container and enabling its
 * slot, and removing one is draining its slot before removing its container.
 */
public final class Topology {

  private static final Logger LOG = Log.LBSTACK;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

  private final String stackId;
  private final int defined;
  private final int port;
  private final ReplicaFactory factory;
  private final LbControl lb;
  private final Resources resources;
  private final Duration timeout;
  private final Reachability reachability;
  private final Timeline timeline;
  private final List<CoreReplica> replicas = new CopyOnWriteArrayList<>();
  private final SparePool spares;
  private final WebRelease definedRelease;
  /** What new replicas run: the defined web tier, or the last release rolled out over it. */
  private volatile WebRelease current;
  /** What ran before the last rollout, for {@link #rollBack}; {@code null} when there is nothing to roll back. */
  private WebRelease previous;
  /** The version a removed replica ran, so a request it served just before it went is still told apart. */
  private final Map<String, String> formerVersions = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * At the stack's close, before its containers go: makes the trained image of a jar from the replica that recorded
   * its start, if one did.
   *
   * @param containers the stack's containers by service name
   */
  public void finishTraining(
      java.util.function.Function<String, java.util.Optional<io.github.lbstack.internal.backend.Container>> containers) {
    factory.jarStarts().finish(containers);
  }

  public Topology(String stackId, int defined, int spareCount, int port, ReplicaFactory factory, LbControl lb,
      Resources resources, Duration timeout, Reachability reachability, Timeline timeline) {
    this.stackId = stackId;
    this.defined = defined;
    this.spares = new SparePool(defined, spareCount, resources);
    this.port = port;
    this.factory = factory;
    this.lb = lb;
    this.resources = resources;
    this.timeout = timeout;
    this.reachability = reachability;
    this.timeline = timeline;
    this.definedRelease = factory.defined();
    this.current = definedRelease;
  }

  /** Adopts a replica of the defined web tier whose container runs (the launcher's first ones). */
  public void adopt(int index, Service service) {
    adopt(index, service, definedRelease);
  }

  void adopt(int index, Service service, WebRelease release) {
    replicas.add(new CoreReplica(stackId, index, service, port, lb, timeout, release, timeline));
    replicas.sort(Comparator.comparingInt(CoreReplica::index));
  }

  /** The version of the replica with this hostname, live or removed a moment ago; {@code null} if none had it. */
  public String versionOf(String hostname) {
    for (CoreReplica replica : replicas) {
      if (replica.hostname().equals(hostname)) {
        return replica.release().version();
      }
    }
    return formerVersions.get(hostname);
  }

  /** A release's image (built from its jar if need be) and label. */
  public WebRelease resolve(io.github.lbstack.internal.spec.ReleaseSpec release) {
    return factory.resolve(release);
  }

  WebRelease current() {
    return current;
  }

  void current(WebRelease release) {
    this.current = release;
  }

  WebRelease definedRelease() {
    return definedRelease;
  }

  String stackId() {
    return stackId;
  }

  Duration timeout() {
    return timeout;
  }

  LbControl lb() {
    return lb;
  }

  /**
   * Replaces every replica by one running {@code release}, under traffic, as a rolling deploy does; see
   * {@link RollingDeploy}.
   */
  public synchronized RolloutResult rollOut(WebRelease release, int batchSize, Duration drainLimit,
      Duration readyTimeout) {
    WebRelease before = current;
    RolloutResult result = new RollingDeploy(this, release, batchSize, drainLimit,
        readyTimeout == null ? timeout : readyTimeout).run();
    previous = before;
    return result;
  }

  /** Starts a full set of replicas of {@code release} and switches the lb to them in one step; see {@link BlueGreenSwitch}. */
  public synchronized RolloutResult switchTo(WebRelease release, Duration drainLimit, Duration readyTimeout) {
    WebRelease before = current;
    RolloutResult result = new BlueGreenSwitch(this, release, drainLimit, readyTimeout == null ? timeout
        : readyTimeout).run();
    previous = before;
    return result;
  }

  /**
   * Rolls the last release back: replaces every replica by one of the version before it.
   *
   * @throws IllegalStateException when no rollout happened since the stack started or was restored
   */
  public synchronized RolloutResult rollBack() {
    if (previous == null) {
      throw new IllegalStateException("nothing to roll back: no rollout happened on stack " + stackId
          + " since it started (or, shared, since this class took it); its replicas run " + current.version());
    }
    WebRelease target = previous;
    RolloutResult result = new RollingDeploy(this, target, 1, DRAIN_LIMIT, timeout).run();
    previous = null;
    return result;
  }

  /** Takes a started replica as a spare: it is paused here, and its lb slot stays disabled. */
  public void parkSpare(int index, Service service) {
    spares.park(index, service);
  }

  /** Takes a replica that is paused already (an earlier run's spare) as a spare. */
  public void adoptSpare(int index, Service service) {
    spares.adopt(index, service);
  }

  public List<CoreReplica> replicas() {
    return List.copyOf(replicas);
  }

  /** The stack's timeline, where rollouts mark their steps. */
  Timeline timeline() {
    return timeline;
  }

  /** The paused spares, for logs and teardown. */
  public List<Service> spares() {
    return spares.all();
  }

  public CoreReplica replica(int index) {
    return replicas.stream().filter(replica -> replica.index() == index).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no replica " + index + ": this stack has replicas 1 to "
            + replicas.size()));
  }

  public List<String> hostnames() {
    return replicas.stream().map(CoreReplica::hostname).toList();
  }

  /** Whether a server belongs in a summary: a live replica, or a slot that served. Unused slots are noise. */
  public boolean worthShowing(String server, long requests) {
    return requests > 0 || hostnames().contains(server);
  }

  /** The lb's view of the live replicas only; unused slots would be noise. */
  public Map<String, String> statuses() {
    Map<String, String> statuses = new java.util.LinkedHashMap<>(lb.statuses());
    statuses.keySet().retainAll(hostnames());
    return statuses;
  }

  public synchronized void scaleTo(int target) {
    if (target < 1 || target > StackSpec.MAX_REPLICAS) {
      throw new IllegalArgumentException("scaleTo(" + target + ") is out of range: use 1 to "
          + StackSpec.MAX_REPLICAS + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    int current = replicas.size();
    long start = System.nanoTime();
    LOG.info("lbstack {}: scaling from {} to {} replicas", stackId, current, target);
    timeline.event("scale", "scale from " + current + " to " + target + " replicas");
    resize(target);
    awaitRotation();
    LOG.info("lbstack {}: {} replicas in rotation after {} ms", stackId, target, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Puts the web tier back to its definition for the next class of a shared stack: every defined replica running,
   * unpaused and on the network, no extra replica, and exactly those in rotation.
   *
   * @return what had to be changed, empty when nothing
   */
  public synchronized List<String> restore() {
    List<String> changes = new ArrayList<>();
    if (replicas.stream().anyMatch(replica -> !replica.release().equals(definedRelease))) {
      // A release a class rolled out goes with the class, new replicas in rotation before the old go: removing its
      // replicas first left the lb an empty backend for a moment, and HAProxy's round robin came out of that sending
      // the first replica back no request at all for the next class (seen in SessionAcrossReplicasIT after
      // ZeroDowntimeDeployIT). Between classes nothing is in flight, so the whole set goes in one batch where the
      // slots allow.
      String from = current.version();
      int freeSlots = StackSpec.MAX_REPLICAS - replicas.size() - spares.all().size();
      new RollingDeploy(this, definedRelease, Math.max(1, Math.min(replicas.size(), freeSlots)), DRAIN_LIMIT,
          timeout).run();
      changes.add("rolled " + from + " back to " + definedRelease.version());
    }
    current = definedRelease;
    previous = null;
    for (CoreReplica replica : newestFirst()) {
      if (replica.index() > defined) {
        // Between classes nothing is in flight, so extra replicas go without draining, whatever their state.
        lb.setState(replica.hostname(), "maint");
        remove(replica);
        changes.add(retire(replica) ? "paused " + replica.hostname() + " as a spare"
            : "removed " + replica.hostname());
      }
    }
    for (CoreReplica replica : replicas()) {
      Container container = replica.container();
      ContainerState state = container.state();
      switch (state.status()) {
        case PAUSED -> {
          container.unpause();
          changes.add("unpaused " + replica.hostname());
        }
        case EXITED, CREATED -> {
          container.startAgain();
          changes.add("started " + replica.hostname());
        }
        case MISSING -> {
          // Removed behind our back: replaced below like any missing replica.
          remove(replica);
          changes.add("replaced " + replica.hostname());
          continue;
        }
        case RUNNING -> { }
      }
      if (!state.connected() && state.status() != ContainerState.Status.MISSING) {
        container.reconnect();
        changes.add("reconnected " + replica.hostname());
      }
    }
    if (replicas.size() != defined) {
      changes.add("added " + (defined - replicas.size()) + " missing replicas");
      resize(defined);
    }
    for (CoreReplica replica : replicas) {
      // A slot a test left in drain or maint would keep its replica out of rotation.
      lb.setState(replica.hostname(), "ready");
    }
    refillSpares(changes);
    awaitRotation();
    return changes;
  }

  /**
   * Removes the highest-numbered replicas above {@code target}, or adds replicas at the lowest free indexes up to
   * it. For replicas {@code 1..n} that is removing above {@code target} and adding the indexes missing up to it.
   */
  private void resize(int target) {
    for (CoreReplica replica : newestFirst()) {
      if (replicas.size() > target) {
        drainAndRemove(replica);
      }
    }
    if (replicas.size() < target) {
      add(freeIndexes(target - replicas.size(), current.equals(definedRelease)));
    }
  }

  /**
   * The lowest indexes no replica has.
   *
   * @param withSpares whether an index a paused spare holds counts as free (its spare to be unpaused): only for
   *     adding replicas of the defined web tier, which the spares run
   * @throws IllegalStateException when the lb has fewer free slots than {@code count}
   */
  List<Integer> freeIndexes(int count, boolean withSpares) {
    List<Integer> free = new ArrayList<>();
    for (int index = 1; index <= StackSpec.MAX_REPLICAS && free.size() < count; index++) {
      int candidate = index;
      boolean taken = replicas.stream().anyMatch(replica -> replica.index() == candidate);
      boolean spare = spares.holds(index) && !withSpares;
      if (!taken && !spare) {
        free.add(index);
      }
    }
    if (free.size() < count) {
      throw new IllegalStateException("the lb has " + free.size() + " free replica slots and " + count + " are "
          + "needed: a stack has " + StackSpec.MAX_REPLICAS + " slots (LoadBalancedStack.MAX_REPLICAS), and it runs "
          + replicas.size() + " replicas and " + spares.all().size() + " spares");
    }
    return free;
  }

  /** Highest index first, as users expect from scaling down. */
  private List<CoreReplica> newestFirst() {
    List<CoreReplica> newestFirst = new ArrayList<>(replicas());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * Puts a replica that left rotation back in the spare pool when its index is a spare's and it still runs;
   * otherwise removes it.
   *
   * @return whether it became a spare
   */
  private boolean retire(CoreReplica replica) {
    // A spare must be what a scale-up expects to unpause: the defined web tier.
    if (replica.release().equals(definedRelease) && spares.takeBack(replica.index(), replica.service())) {
      return true;
    }
    resources.closeNow(replica.service());
    return false;
  }

  /**
   * New replicas of {@code release} at free indexes (never a spare's), started, adopted and handed to the lb with
   * {@code enter}; returns once {@code entered} holds for all of them, asked with one look at the lb per poll. When
   * one fails to start or to enter, none of them is left.
   *
   * @param state what {@code entered} means, such as {@code "in rotation"}, for messages
   */
  List<CoreReplica> startNew(int count, WebRelease release, Duration limit,
      java.util.function.Consumer<String> enter, java.util.function.Predicate<List<String>> entered, String state) {
    List<Integer> indexes = freeIndexes(count, false);
    String names = String.join(", ", indexes.stream().map(WebEnvironment::hostname).toList());
    List<Service> started;
    try {
      started = startReplicas(indexes, release, limit);
    } catch (RuntimeException e) {
      throw new IllegalStateException("new replica " + names + " of " + release.version() + " did not become ready: "
          + e.getMessage(), e);
    }
    List<CoreReplica> fresh = new ArrayList<>();
    List<String> hostnames = indexes.stream().map(WebEnvironment::hostname).toList();
    for (int i = 0; i < indexes.size(); i++) {
      adopt(indexes.get(i), started.get(i), release);
      CoreReplica replica = replica(indexes.get(i));
      fresh.add(replica);
      enter.accept(replica.hostname());
    }
    try {
      await("new replicas " + state).pollInSameThread().pollInterval(POLL).atMost(limit).ignoreExceptions()
          // One look at the lb per poll for the whole batch.
          .until(() -> entered.test(hostnames));
    } catch (ConditionTimeoutException e) {
      String statuses = lb.explain(explained -> fresh.stream().map(replica -> replica.hostname() + " is "
          + explained.get(replica.hostname())).toList().toString());
      fresh.forEach(this::discard);
      throw new IllegalStateException("the lb did not have new replica " + names + " of " + release.version() + " "
          + state + " within " + limit.toSeconds() + " s: " + statuses, e);
    }
    return fresh;
  }

  /** Out of rotation and removed at once, for a new replica that never served. */
  void discard(CoreReplica replica) {
    lb.setState(replica.hostname(), "maint");
    remove(replica);
    resources.closeNow(replica.service());
  }

  /** Out of the topology; the version it ran is remembered for requests it served just before. */
  private void remove(CoreReplica replica) {
    replicas.remove(replica);
    formerVersions.put(replica.hostname(), replica.release().version());
  }

  public boolean isSpareIndex(int index) {
    return spares.isSpareIndex(index);
  }

  /** Starts (and pauses) a new spare for each spare index that has neither a spare nor a replica. */
  private void refillSpares(List<String> changes) {
    List<Integer> missing = spares.missing(index -> replicas.stream().anyMatch(replica -> replica.index() == index));
    if (missing.isEmpty()) {
      return;
    }
    List<Service> started = startReplicas(missing, definedRelease, timeout);
    for (int i = 0; i < started.size(); i++) {
      parkSpare(missing.get(i), started.get(i));
      changes.add("started spare " + started.get(i).name());
    }
  }

  private void add(List<Integer> indexes) {
    if (indexes.isEmpty()) {
      return;
    }
    List<Integer> fresh = new ArrayList<>();
    java.util.Map<Integer, Service> ready = new java.util.TreeMap<>();
    boolean sparesFit = current.equals(definedRelease);
    for (int index : indexes) {
      java.util.Optional<Service> spare = sparesFit ? spares.take(index) : java.util.Optional.empty();
      if (spare.isPresent()) {
        spare.get().container().unpause();
        ready.put(index, spare.get());
      } else {
        fresh.add(index);
      }
    }
    if (!ready.isEmpty()) {
      LOG.info("lbstack {}: unpaused spares {}", stackId, ready.values().stream().map(Service::name).toList());
    }
    List<Service> started = startReplicas(fresh, current, timeout);
    for (int i = 0; i < started.size(); i++) {
      ready.put(fresh.get(i), started.get(i));
    }
    for (var entry : ready.entrySet()) {
      adopt(entry.getKey(), entry.getValue(), current);
      lb.setState(entry.getValue().name(), "ready");
    }
  }

  /**
   * New replica containers running {@code release}, started at once, each ready when it answers its health path
   * within {@code limit}. When one fails, all of them are removed before this throws, so none holds its name.
   */
  List<Service> startReplicas(List<Integer> indexes, WebRelease release, Duration limit) {
    if (indexes.isEmpty()) {
      return List.of();
    }
    List<Service> added = new ArrayList<>();
    String setting = release.equals(definedRelease) ? "lbstack.startup.timeout"
        : "Release.readyTimeout (default lbstack.startup.timeout)";
    try (ParallelStartup startup = new ParallelStartup(stackId, limit, setting, reachability, timeline)) {
      for (int index : indexes) {
        Service web = factory.create(index, release);
        resources.add(web.name(), web);
        added.add(web);
        startup.start(web);
      }
      startup.awaitAll();
    } catch (RuntimeException e) {
      for (Service web : added) {
        try {
          resources.closeNow(web);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    return added;
  }


  /** Out of rotation first, so requests in flight finish; then the container goes. */
  private void drainAndRemove(CoreReplica replica) {
    drainAndRemove(replica, DRAIN_LIMIT);
  }

  void drainAndRemove(CoreReplica replica, Duration limit) {
    lb.setState(replica.hostname(), "drain");
    try {
      await(replica.hostname() + " drained").pollInSameThread().pollInterval(POLL).atMost(limit)
          .ignoreExceptions().until(() -> lb.openSessions().getOrDefault(replica.hostname(), 0L) == 0);
    } catch (ConditionTimeoutException e) {
      LOG.warn("lbstack {}: {} still had open sessions after {} s of draining; removing it anyway", stackId,
          replica.hostname(), limit.toSeconds());
    }
    lb.setState(replica.hostname(), "maint");
    remove(replica);
    boolean spare = retire(replica);
    LOG.info("lbstack {}: drained and {} {}", stackId, spare ? "paused as a spare" : "removed", replica.hostname());
  }

  /** Exactly the live replicas UP, every other slot out of rotation. */
  void awaitRotation() {
    List<String> live = hostnames();
    try {
      await("exactly " + live.size() + " replicas in rotation").pollInSameThread().pollInterval(POLL)
          .atMost(timeout).ignoreExceptions()
          .until(() -> inRotation(lb.statuses()).equals(live));
    } catch (ConditionTimeoutException e) {
      String wrong = lb.explain(explained -> {
        List<String> servers = new ArrayList<>();
        explained.forEach((server, status) -> {
          boolean shouldServe = live.contains(server);
          if (shouldServe != status.startsWith("UP")) {
            servers.add(server + (shouldServe ? " should serve but is " : " should not serve but is ") + status);
          }
        });
        return String.join("; ", servers);
      });
      throw new IllegalStateException("the lb did not reach exactly " + live.size() + " replicas in rotation within "
          + timeout.toSeconds() + " s: " + wrong, e);
    }
  }

  private static List<String> inRotation(Map<String, String> statuses) {
    return statuses.entrySet().stream().filter(entry -> entry.getValue().equals("UP")).map(Map.Entry::getKey)
        .toList();
  }
}
