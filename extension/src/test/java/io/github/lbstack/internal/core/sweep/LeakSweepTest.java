package io.github.lbstack.internal.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.internal.backend.Backend.Owned;
import io.github.lbstack.internal.backend.FakeBackend;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.Owner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which leftovers the sweep removes: only those of owners on this host that are gone. */
class LeakSweepTest {

  private final FakeBackend backend = new FakeBackend();
  private final Owner me = Owner.current();

  private void leftover(String stack, Owned.Kind kind, String name, String owner) {
    backend.leftovers.add(new Owned(kind, name, name, owner == null ? Map.of(Labels.STACK, stack)
        : Map.of(Labels.STACK, stack, Labels.OWNER, owner)));
  }

  @Test
  void removesTheStacksOfGoneOwnersContainersBeforeTheirNetworkAndNothingElse() {
    String restartedPid = new Owner(me.host(), me.pid(), me.startMillis() - 1).toString();
    String nonexistentPid = new Owner(me.host(), Long.MAX_VALUE, 1).toString();
    leftover("dead1", Owned.Kind.NETWORK, "lbstack-dead1", restartedPid);
    leftover("dead1", Owned.Kind.CONTAINER, "lbstack-dead1-web-1", restartedPid);
    leftover("dead2", Owned.Kind.CONTAINER, "lbstack-dead2-lb", nonexistentPid);
    leftover("alive", Owned.Kind.CONTAINER, "lbstack-alive-lb", me.toString());
    leftover("elsewhere", Owned.Kind.CONTAINER, "lbstack-elsewhere-lb", new Owner("other-host", 1, 1).toString());
    leftover("unlabelled", Owned.Kind.CONTAINER, "lbstack-unlabelled-lb", null);

    int removed = LeakSweep.sweep(backend);

    assertThat(removed).isEqualTo(3);
    assertThat(backend.events).containsExactly("remove CONTAINER lbstack-dead1-web-1",
        "remove NETWORK lbstack-dead1", "remove CONTAINER lbstack-dead2-lb");
    assertThat(backend.leftovers).extracting(Owned::stack).containsExactlyInAnyOrder("alive", "elsewhere",
        "unlabelled");
  }

  @Test
  void leavesAStackKeptForReuseAloneThoughItsOwnerIsGone() {
    String gone = new Owner(me.host(), Long.MAX_VALUE, 1).toString();
    backend.leftovers.add(new Owned(Owned.Kind.CONTAINER, "kept-lb", "kept-lb",
        Map.of(Labels.STACK, "kept", Labels.OWNER, gone, Labels.REUSE, "0123abcd")));
    backend.leftovers.add(new Owned(Owned.Kind.NETWORK, "kept-net", "kept-net",
        Map.of(Labels.STACK, "kept", Labels.OWNER, gone, Labels.REUSE, "0123abcd")));
    leftover("dead", Owned.Kind.CONTAINER, "lbstack-dead-lb", gone);

    assertThat(LeakSweep.sweep(backend)).isEqualTo(1);
    assertThat(backend.leftovers).extracting(Owned::name).containsExactly("kept-lb", "kept-net");
  }

  @Test
  void readsOwnersAndRejectsMalformedOnes() {
    assertThat(Owner.parse(me.toString())).contains(me);
    assertThat(me.isGone()).isFalse();
    assertThat(Owner.parse("host/not-a-pid/1")).isEmpty();
    assertThat(Owner.parse(null)).isEmpty();
  }
}
