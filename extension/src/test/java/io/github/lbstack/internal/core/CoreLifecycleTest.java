package io.github.lbstack.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.backend.ContainerState.Status;
import io.github.lbstack.internal.backend.FakeBackend;
import io.github.lbstack.internal.core.readiness.FakeProbes;
import io.github.lbstack.internal.core.readiness.StartupFailedException;
import io.github.lbstack.internal.core.reuse.ReusableStacks;
import io.github.lbstack.internal.core.scaling.CoreReplica;
import io.github.lbstack.internal.core.scaling.RolloutFailure;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.SharedStacks;
import io.github.lbstack.internal.core.stack.StackLease;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.ReleaseSpec;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.TestSpecs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The core's lifecycle (start order, cleanup, scaling, restoring a shared stack, leases) against a fake backend.
 * What real containers do is the ITs' business; this is about what the core asks of any backend, and when.
 *
 * <p>Its tests run at once: each has a backend, probes and stacks of its own, and much of its time is waits they make
 * on purpose (a silent lb's timeouts, a replica that crashes some seconds after another one), which would otherwise
 * leave the CPU idle.
 */
@Execution(ExecutionMode.CONCURRENT)
class CoreLifecycleTest {

  private final FakeBackend backend = new FakeBackend();
  private final FakeProbes probes = new FakeProbes(backend);
  private final Stacks stacks = new Stacks(backend, probes);

  /** The fake's database and Redis answer no queries, so no data snapshot at ready (DatabaseInitIT covers it). */
  private static TestSpecs spec(int replicas) {
    return TestSpecs.image("app:1").set("replicas", replicas).config("lbstack.startup.timeout", "PT5S")
        .config("lbstack.reset.mode", "truncate");
  }

  private static int indexOf(List<String> events, String event) {
    assertThat(events).contains(event);
    return events.indexOf(event);
  }

  private static TestSpecs inOrder(int replicas, String order) {
    return spec(replicas).config("lbstack.startup.order", order);
  }

  @Test
  void startsTheNetworkFirstAndAllAtOnceTheLbAfterEveryReplicaAndRemovesTheNetworkLast() {
    CoreStack stack = stacks.start(inOrder(2, "all-at-once").build());
    List<String> started = backend.events();

    assertThat(indexOf(started, "create network ")).isZero();
    assertThat(indexOf(started, "start lb")).isGreaterThan(indexOf(started, "start web-1"))
        .isGreaterThan(indexOf(started, "start web-2"));
    assertThat(started).contains("start mysql", "start redis");

    backend.events.clear();
    stack.close();

    assertThat(backend.events()).containsExactlyInAnyOrder("remove lb", "remove web-2", "remove web-1",
        "remove redis", "remove mysql", "remove network ").endsWith("remove network ");
  }

  @Test
  void startsTheReplicasAfterTheDatabaseAndTheLbBeforeThemWhenTheOrderSaysDatabaseAndLbFirst() throws Exception {
    CoreStack stack = startHoldingTheDatabase("database-and-lb-first", "start lb");
    assertThat(heldEvents).as("while the database is not ready").contains("start lb")
        .noneMatch(event -> event.startsWith("start web-"));
    assertThat(indexOf(backend.events(), "start web-1")).isGreaterThan(indexOf(backend.events(), "ready mysql"));
    assertThat(indexOf(backend.events(), "start web-2")).isGreaterThan(indexOf(backend.events(), "ready mysql"));
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2").containsValues("UP");
    stack.close();
  }

  @Test
  void startsTheReplicasAndThenTheLbAfterTheDatabaseWhenTheOrderSaysDatabaseFirst() throws Exception {
    CoreStack stack = startHoldingTheDatabase("database-first", "start redis");
    assertThat(heldEvents).as("while the database is not ready")
        .noneMatch(event -> event.startsWith("start web-") || event.equals("start lb"));
    assertThat(indexOf(backend.events(), "start web-1")).isGreaterThan(indexOf(backend.events(), "ready mysql"));
    assertThat(indexOf(backend.events(), "start web-2")).isGreaterThan(indexOf(backend.events(), "ready mysql"));
    assertThat(indexOf(backend.events(), "start lb")).isGreaterThan(indexOf(backend.events(), "start web-1"));
    stack.close();
  }

  /**
   * Starts a 2-replica stack in that order with the database held not ready until {@code event} happened and the
   * readiness loop has found the database not ready since, and returns it once ready; the events up to the release
   * are kept in {@link #heldEvents}. What must wait for the database is checked by order, after the release: a
   * replica's start comes after "ready mysql" whatever the machine's speed.
   */
  private CoreStack startHoldingTheDatabase(String order, String event) throws Exception {
    probes.databaseReady = false;
    // The hold is released by events, not by the clock: the start-up timeout only bounds a broken run.
    var starting = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> stacks.start(inOrder(2, order).config("lbstack.startup.timeout", "PT2M").build()));
    org.awaitility.Awaitility.await(event).atMost(java.time.Duration.ofMinutes(1))
        .until(() -> backend.events().contains(event));
    int heldBefore = probes.databaseHeld.get();
    org.awaitility.Awaitility.await("database found not ready after " + event)
        .atMost(java.time.Duration.ofMinutes(1)).until(() -> probes.databaseHeld.get() >= heldBefore + 2);
    heldEvents = backend.events();
    probes.databaseReady = true;
    CoreStack stack = starting.get(10, java.util.concurrent.TimeUnit.SECONDS);
    return stack;
  }

  private List<String> heldEvents = List.of();

  @Test
  void keepsStacksForReuseOnlyWhenAskedAndNotInCi() {
    var on = new io.github.lbstack.internal.spec.Configuration(
        key -> java.util.Optional.ofNullable(key.equals("lbstack.reuse") ? "true" : null));
    var off = new io.github.lbstack.internal.spec.Configuration(key -> java.util.Optional.empty());

    assertThat(ReusableStacks.enabled(on, java.util.Optional.empty())).isTrue();
    assertThat(ReusableStacks.enabled(on, java.util.Optional.of("false"))).isTrue();
    assertThat(ReusableStacks.enabled(on, java.util.Optional.of("true"))).isFalse();
    assertThat(ReusableStacks.enabled(on, java.util.Optional.of("1"))).isFalse();
    assertThat(ReusableStacks.enabled(off, java.util.Optional.empty())).isFalse();
  }

  /**
   * The reuse path, on the same assembly as a fresh start: the second run attaches to every container the first one
   * kept (none is made or started anew), and the topology goes back to the definition.
   */
  @Test
  void aKeptStackIsTakenUpByAttachingToItsContainersAndPutBackToItsDefinition() {
    StackSpec spec = spec(2).set("spares", 1).set("database", DatabaseKind.NONE).set("redis", false).build();
    CoreStack first = stacks.startReusable(spec, "ReuseFixture");
    first.scaleTo(3);
    first.close();
    assertThat(backend.events()).as("a kept stack is left running").noneMatch(event -> event.startsWith("remove "));
    assertThat(backend.byAlias.get("web-3").status).isEqualTo(Status.RUNNING);
    backend.events.clear();

    CoreStack second = stacks.startReusable(spec, "ReuseFixture");

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(backend.events()).contains("attach network ", "attach lb", "attach web-1", "attach web-2",
        "attach web-3").noneMatch(event -> event.startsWith("create ") || event.startsWith("start "));
    assertThat(second.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1", "web-2");
    assertThat(backend.byAlias.get("web-3").status).as("the spare, parked again").isEqualTo(Status.PAUSED);
    assertThat(second.lbStatuses()).containsEntry("web-1", "UP").containsEntry("web-2", "UP");
    second.close();
  }

  @Test
  void givesEveryReplicaTheSameContractWithItsOwnIdentity() {
    CoreStack stack = stacks.start(spec(2).set("env", List.of("NODE=${replica.hostname}")).build());

    var web2 = backend.byAlias.get("web-2").spec;
    assertThat(web2.hostname()).isEqualTo("web-2");
    assertThat(web2.env()).containsEntry("NODE", "web-2").containsEntry("DB_HOST", "mysql")
        .containsEntry("DB_PASSWORD", stack.secrets().password());
    assertThat(web2.labels()).containsEntry("io.github.lbstack.stack", stack.id())
        .containsEntry("io.github.lbstack.service", "web-2");
    stack.close();
  }

  @Test
  void leavesOutTheServicesTheSpecLeavesOut() {
    CoreStack stack = stacks.start(spec(1).set("database", DatabaseKind.NONE).set("redis", false).build());

    assertThat(backend.byAlias).containsOnlyKeys("web-1", "lb");
    assertThat(backend.byAlias.get("web-1").spec.env()).isEmpty();
    assertThatThrownBy(stack::jdbcUrl).isInstanceOf(IllegalStateException.class)
        .hasMessage("stack " + stack.id() + " has no database: its definition leaves it out (database = NONE). Set "
            + "database = Database.MYSQL or Database.POSTGRES to have one.");
    assertThatThrownBy(stack::redis).hasMessageContaining("leaves it out (redis = false)");
    stack.close();
  }

  @Nested
  @DisplayName("reports failure")
  class ReportsFailure {

    @Test
    void whenAReplicaCannotStartAndRemovesWhatStarted() {
      backend.failToStart.add("web-2");

      assertThatThrownBy(() -> stacks.start(spec(2).build())).isInstanceOf(StartupFailedException.class)
          .hasMessageContaining("- web-2: container did not start: IllegalStateException: fake refusal to start web-2");

      assertThat(backend.byAlias.values()).allMatch(container -> container.status != Status.RUNNING);
      assertThat(backend.events()).contains("remove network ");
    }

    @Test
    void asTheServiceThatFailedAndNotAsTheReplicasThatWaitedForIt() {
      backend.failToStart.add("mysql");

      assertThatThrownBy(() -> stacks.start(spec(2).build())).isInstanceOf(StartupFailedException.class)
          .hasMessageContaining(": mysql: container did not start: IllegalStateException: fake refusal to start mysql. ")
          .hasMessageContaining("- web-1: not waited for any longer, once another service had failed")
          .hasMessageContaining("- web-2: not waited for any longer, once another service had failed")
          .hasMessageNotContaining("web-1: container did not start");
      assertThat(backend.events()).as("what the backend was asked").noneMatch(event -> event.startsWith("start ")
          && event.contains("-web-"));
    }

    /** Its app exited before the engine said where its ports are, so the start failed: a crash, not a refusal. */
    @Test
    void asACrashWhenTheAppExitedBeforeItsStartReturned() {
      backend.exitAtStart.add("web-2");

      assertThatThrownBy(() -> stacks.start(spec(2).build())).isInstanceOf(StartupFailedException.class)
          .hasMessageContaining("- web-2: container exited with code 137 as it started (IllegalStateException: ")
          .hasMessageContaining("-web-2 has no published port (is it running?))")
          .hasMessageNotContaining("web-2: container did not start");
      assertThat(backend.byAlias.values()).allMatch(container -> container.status != Status.RUNNING);
    }

    /**
     * Replicas of one app crash alike but not at once: the other one is followed until its start ends, however long
     * that takes (here 30 checks, some 3 s), so the report names its crash too. The start-up timeout is long: the
     * wait must end with the replica's start, not with a timeout.
     */
    @Test
    void asEveryReplicaThatCrashedEvenOneThatCrashedAfterTheFirstWasSeen() {
      web1CrashesOnceWeb2Runs();
      probes.unhealthyFor.put("web-2", Integer.MAX_VALUE);
      probes.crashAt.put("web-2", check -> check == 30);

      assertThatThrownBy(() -> stacks.start(spec(2).config("lbstack.startup.timeout", "PT10M").build()))
          .isInstanceOf(StartupFailedException.class)
          .hasMessageMatching("(?s)lbstack stack \\w+ failed to start after [0-9.]+ s: web-1: container exited with "
              + "code 137\\. Not ready:.*")
          .hasMessageContaining("- web-1: container exited with code 137")
          .hasMessageContaining("- web-2: container exited with code 137")
          .hasMessageNotContaining("web-2: not waited for");
      assertThat(backend.byAlias.values()).allMatch(container -> container.status != Status.RUNNING);
    }

    /** web-2 is then a replica the core stopped waiting for, not one it never started. */
    private void web1CrashesOnceWeb2Runs() {
      probes.unhealthyFor.put("web-1", Integer.MAX_VALUE);
      probes.crashAt.put("web-1", check -> probes.checks("web-2") > 0);
    }

    /** The other replica got ready, so the crash was the first one's own: the report names only that one. */
    @Test
    void withoutAReplicaThatGotReadyAfterAnotherOneCrashed() {
      web1CrashesOnceWeb2Runs();
      probes.unhealthyFor.put("web-2", 10);

      assertThatThrownBy(() -> stacks.start(spec(2).config("lbstack.startup.timeout", "PT10M").build()))
          .isInstanceOf(StartupFailedException.class)
          .hasMessageContaining("- web-1: container exited with code 137")
          .hasMessageNotContaining("web-2");
      assertThat(backend.byAlias.values()).allMatch(container -> container.status != Status.RUNNING);
    }

    /**
     * The other replica neither crashes nor gets ready: the start-up timeout ends its start, and the report still
     * gives the crash as the cause, with no advice to raise the timeout, and says where the other one stood.
     */
    @Test
    void asTheCrashWhenAnotherReplicaThenRunsOutOfTime() {
      web1CrashesOnceWeb2Runs();
      probes.unhealthyFor.put("web-2", Integer.MAX_VALUE);

      assertThatThrownBy(() -> stacks.start(spec(2).config("lbstack.startup.timeout", "PT2S").build()))
          .isInstanceOf(StartupFailedException.class)
          .hasMessageMatching("(?s)lbstack stack \\w+ failed to start after [0-9.]+ s: web-1: container exited with "
              + "code 137\\. Not ready:.*")
          .hasMessageMatching("(?s).*- web-2: web-2 not healthy yet at health check \\d+.*")
          .hasMessageNotContaining("raise lbstack.startup.timeout");
      assertThat(backend.byAlias.values()).allMatch(container -> container.status != Status.RUNNING);
    }

    @Test
    void whenAnImageIsMissingBeforeAnyContainerExists() {
      backend.missingImages.add("redis:7.4");

      assertThatThrownBy(() -> stacks.start(spec(1).build())).isInstanceOf(StartupFailedException.class)
          .hasMessageMatching("lbstack \\w+: image redis:7.4 is not present and could not be pulled \\(fake\\)\\. "
              + "Pull or build it, or point the matching lbstack.image.\\* configuration parameter at an image the "
              + "engine has \\(see README, Images\\)\\.");
      assertThat(backend.events()).isEmpty();
    }

    @Test
    void whenNginxIsAskedOfABackendThatCannotRunItsControlBeforeAnyContainerExists() {
      assertThatThrownBy(() -> stacks.start(spec(1).set("lbKind", io.github.lbstack.internal.lb.LbKind.NGINX)
          .build())).isInstanceOf(StartupFailedException.class)
          .hasMessageMatching("lbstack \\w+: @Lb\\(type = NGINX\\) cannot run on fake: nginx has no API, so lbstack "
              + "changes it by running a command in the lb's container, which this backend cannot do\\. "
              + "Use HAProxy \\(the default\\) there, or the docker backend for nginx\\.");
      assertThat(backend.events()).isEmpty();
    }

    @Test
    void whenTheWebImageIsMissingBeforeAnyContainerExists() {
      backend.missingImages.add("app:1");

      assertThatThrownBy(() -> stacks.start(spec(1).build())).isInstanceOf(StartupFailedException.class)
          .hasMessageMatching("lbstack \\w+: image app:1 is not present and could not be pulled \\(fake\\)\\. "
              + "Pull or build it, or point @Web\\(image\\) at an image the engine has\\.");
      assertThat(backend.events()).isEmpty();
    }
  }

  @Test
  void scalesUpWithTheSameFactoryAndDownByDrainingTheHighestFirst() {
    CoreStack stack = stacks.start(spec(2).build());
    backend.events.clear();

    stack.scaleTo(4);
    assertThat(stack.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1", "web-2", "web-3", "web-4");
    assertThat(backend.byAlias.get("web-4").spec.env()).containsEntry("DB_HOST", "mysql");
    assertThat(backend.events()).containsSubsequence("start web-3", "lb web-3 ready")
        .containsSubsequence("start web-4", "lb web-4 ready");
    assertThat(stack.lbStatuses()).containsOnly(
        java.util.Map.entry("web-1", "UP"), java.util.Map.entry("web-2", "UP"),
        java.util.Map.entry("web-3", "UP"), java.util.Map.entry("web-4", "UP"));

    backend.events.clear();
    stack.scaleTo(1);
    assertThat(backend.events()).containsExactly("lb web-4 drain", "lb web-4 maint", "remove web-4",
        "lb web-3 drain", "lb web-3 maint", "remove web-3", "lb web-2 drain", "lb web-2 maint", "remove web-2");
    assertThat(stack.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1");
    stack.close();
  }

  @Test
  void imagesMadeOnceDoNotCountAgainstTheStartupTimeout() {
    backend.imageMillis = 400;

    CoreStack stack = stacks.start(spec(1).config("lbstack.startup.timeout", "PT1S").build());

    assertThat(stack.replicas()).hasSize(1);
    stack.close();
  }

  @Test
  void aDrillThatTheLbConfirmedSucceedsEvenIfTheLbStopsAnsweringRightAfter() {
    CoreStack stack = stacks.start(spec(2).build());
    stack.replica(2).kill();
    probes.lbAnswers.set(1);

    assertThatCode(() -> stack.replica(2).awaitDown()).doesNotThrowAnyException();

    probes.lbAnswers.set(Integer.MAX_VALUE);
    stack.close();
  }

  @Nested
  @DisplayName("keeps a timeout's message when the lb stops answering while")
  class KeepsATimeoutsMessageWhenTheLbStopsAnswering {

    private static final String UNASKED = "(the lb could not be asked: lb stats page did not answer";

    /** What {@code waiting} throws on a stack of {@code replicas} whose lb stops answering first. */
    private Throwable failureOnceTheLbIsSilent(int replicas, java.util.function.Consumer<CoreStack> waiting) {
      CoreStack stack = stacks.start(spec(replicas).config("lbstack.startup.timeout", "PT1S").build());
      probes.lbAnswers.set(0);
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> waiting.accept(stack));
      probes.lbAnswers.set(Integer.MAX_VALUE);
      stack.close();
      return failure;
    }

    @Test
    void aDrillWaits() {
      assertThat(failureOnceTheLbIsSilent(2, stack -> stack.replica(2).awaitDown()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the lb did not report web-2 out of rotation within 1 s; it reports " + UNASKED);
    }

    @Test
    void aRolloutAwaitsItsNewReplicas() {
      ReleaseSpec release = new ReleaseSpec("app:2", null, java.util.Map.of(), "2", 1, Duration.ofSeconds(1), null);

      assertThat(failureOnceTheLbIsSilent(1, stack -> stack.rollOut(release))).isInstanceOf(RolloutFailure.class)
          .hasMessageContaining("the lb did not have new replica web-2 of 2 in rotation within 1 s: " + UNASKED);
    }

    @Test
    void theRotationIsAwaited() {
      assertThat(failureOnceTheLbIsSilent(2, stack -> stack.scaleTo(2))).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the lb did not reach exactly 2 replicas in rotation within 1 s: " + UNASKED);
    }
  }

  @Test
  void removesEveryContainerOnceWhetherScaledAwayOrTakenDownWithTheStack() {
    CoreStack stack = stacks.start(spec(2).set("spares", 1).build());
    stack.scaleTo(4);
    stack.scaleTo(1);
    stack.close();

    assertThat(backend.byAlias).containsKeys("web-1", "web-2", "web-3", "web-4", "lb", "redis", "mysql");
    backend.byAlias.forEach((name, container) ->
        assertThat(container.closes).as("closes of %s", name).hasValue(1));
  }

  @Test
  void scalesIntoWarmSparesByUnpausingThemAndPausesThemAgainOnTheWayDown() {
    CoreStack stack = stacks.start(spec(2).set("spares", 2).build());
    assertThat(backend.events()).containsSubsequence("start web-3", "pause web-3")
        .containsSubsequence("start web-4", "pause web-4");
    assertThat(stack.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1", "web-2");
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2");
    backend.events.clear();

    stack.scaleTo(5);
    assertThat(backend.events()).contains("unpause web-3", "unpause web-4", "start web-5", "lb web-3 ready",
        "lb web-4 ready", "lb web-5 ready").doesNotContain("start web-3", "start web-4");
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2", "web-3", "web-4", "web-5")
        .containsValues("UP");
    backend.events.clear();

    stack.scaleTo(2);
    assertThat(backend.events()).containsSubsequence("lb web-5 maint", "remove web-5", "lb web-4 maint",
        "pause web-4", "lb web-3 maint", "pause web-3").doesNotContain("remove web-4", "remove web-3");
    backend.events.clear();

    stack.close();
    assertThat(backend.events()).contains("remove web-3", "remove web-4");
  }

  @Test
  void aSharedStacksResetRefillsASpareThatWasKilledAfterScalingIntoIt() {
    CoreStack stack = stacks.start(spec(1).set("spares", 1).build());
    StackLease lease = stack.lease("ClassA", true);
    stack.scaleTo(2);
    stack.replica(2).kill();
    backend.events.clear();

    lease.close();

    assertThat(stack.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1");
    assertThat(backend.events()).containsSubsequence("lb web-2 maint", "remove web-2", "start web-2", "pause web-2");
    backend.events.clear();
    stack.scaleTo(2);
    assertThat(backend.events()).contains("unpause web-2").doesNotContain("start web-2");
    stack.close();
  }

  @Test
  void aLeaseOnASharedStackPutsItsTopologyBackToTheDefinition() {
    CoreStack stack = stacks.start(spec(3).build());
    StackLease lease = stack.lease("ClassA", true);
    stack.scaleTo(5);
    stack.replica(1).pause();
    stack.replica(2).kill();
    stack.replica(3).disconnect();
    backend.events.clear();

    lease.close();

    assertThat(stack.replicas()).extracting(CoreReplica::hostname).containsExactly("web-1", "web-2", "web-3");
    assertThat(backend.events()).containsSubsequence("lb web-5 maint", "remove web-5", "lb web-4 maint", "remove web-4")
        .contains("unpause web-1", "start again web-2", "reconnect web-3");
    assertThat(stack.lbStatuses()).containsOnlyKeys("web-1", "web-2", "web-3").containsValues("UP")
        .doesNotContainValue("DOWN");
    stack.close();
  }

  @Test
  void aLeaseOnAClassesOwnStackLeavesTheTopologyAlone() {
    CoreStack stack = stacks.start(spec(2).build());
    StackLease lease = stack.lease("ClassA", false);
    stack.replica(2).kill();
    backend.events.clear();

    lease.close();

    assertThat(backend.events()).isEmpty();
    stack.close();
  }

  @Test
  void aLeaseCountsOnlyTheRequestsServedDuringIt() {
    CoreStack stack = stacks.start(spec(2).build());
    probes.served.put("web-1", 10L);
    StackLease lease = stack.lease("ClassB", true);
    probes.served.put("web-1", 13L);
    probes.served.put("web-2", 2L);

    assertThat(lease.served()).containsEntry("web-1", 3L).containsEntry("web-2", 2L);
    stack.close();
  }

  @Nested
  class SharedStacksRegistry {

    private final SharedStacks registry = new SharedStacks();
    private final AtomicInteger starts = new AtomicInteger();

    private CoreStack start(StackSpec spec) {
      starts.incrementAndGet();
      return stacks.start(spec);
    }

    @Test
    void startsOneStackPerEqualDefinitionAndClosesThemWithTheRegistry() {
      StackSpec three = spec(3).build();
      CoreStack first = registry.acquire(List.of("key", three), "A", () -> start(three));
      CoreStack second = registry.acquire(List.of("key", spec(3).build()), "B", () -> start(spec(3).build()));
      CoreStack other = registry.acquire(List.of("key", spec(2).build()), "C", () -> start(spec(2).build()));

      assertThat(second).isSameAs(first);
      assertThat(other).isNotSameAs(first);
      assertThat(starts).hasValue(2);

      registry.close();
      assertThat(backend.byAlias.values()).allMatch(container -> container.status == Status.MISSING);
    }

    @Test
    void doesNotRetryADefinitionThatFailedToStart() {
      backend.failToStart.add("web-1");
      StackSpec spec = spec(1).build();
      assertThatThrownBy(() -> registry.acquire(spec, "A", () -> start(spec)))
          .isInstanceOf(StartupFailedException.class);

      assertThatThrownBy(() -> registry.acquire(spec, "B", () -> start(spec)))
          .isInstanceOf(StartupFailedException.class)
          .hasMessageStartingWith("this shared stack failed to start for an earlier class, and is not started again: "
              + "lbstack stack ");
      assertThat(starts).hasValue(1);
    }
  }
}
