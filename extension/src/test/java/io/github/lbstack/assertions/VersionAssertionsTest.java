package io.github.lbstack.assertions;

import static io.github.lbstack.assertions.LbAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Served;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rollout assertions pass on a run that switched and fail, naming the requests, on one that did not. */
class VersionAssertionsTest {

  private static final long MS = 1_000_000;

  /** One request per entry, 100 ms apart: "web-1@1.0", or "FAILED". */
  private static Distribution run(String... requests) {
    List<Served> served = new ArrayList<>();
    for (int i = 0; i < requests.length; i++) {
      String[] parts = requests[i].split("@");
      served.add(parts[0].equals("FAILED") ? new Served(null, 502, "status 502", i * 100 * MS, MS)
          : new Served(parts[0], 200, null, i * 100 * MS, MS, parts.length > 1 ? parts[1] : null));
    }
    return new Distribution(served, Set.of());
  }

  private final Distribution rolling = run("web-1@1.0", "web-2@1.0", "web-4@2.0", "web-2@1.0", "web-4@2.0",
      "web-1@2.0");

  @Test
  void switchesTo() {
    assertThat(rolling).switchesTo("2.0");
    org.assertj.core.api.Assertions.assertThat(rolling.versions()).containsExactly(java.util.Map.entry("1.0", 3L), java.util.Map.entry("2.0", 3L));

    assertThatThrownBy(() -> assertThat(run("web-1@1.0", "web-2@1.0")).switchesTo("2.0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the run to switch to <2.0>, but no request was served by it; versions served: "
            + "{1.0=2}.");
    assertThatThrownBy(() -> assertThat(run("web-4@2.0", "web-1@2.0")).switchesTo("2.0"))
        .hasMessageContaining("its first successful request was served by <2.0> already");
    assertThatThrownBy(() -> assertThat(run("web-1@1.0", "web-4@2.0", "web-2@1.0")).switchesTo("2.0"))
        .hasMessageContaining("Expected the run to end on <2.0>, but its last successful request was served by <1.0>");
  }

  @Test
  void switchesToFailsOnAnEmptyRunEveryRequestFailedAndUnknownVersions() {
    assertThatThrownBy(() -> assertThat(run()).switchesTo("2.0"))
        .hasMessageContaining("Expected switchesTo() on a run of requests, but the run is empty");
    assertThatThrownBy(() -> assertThat(run("FAILED", "FAILED")).switchesTo("2.0"))
        .hasMessageContaining("switchesTo() needs the version of each request, and no successful request has one");
    assertThatThrownBy(() -> assertThat(Distribution.of("web-1", "web-2")).switchesTo("2.0"))
        .hasMessageContaining("Traffic.through(stack)");
  }

  /** One request per entry, 100 ms apart: "1:web-1@1.0" is client 1 served by web-1 running 1.0. */
  private static Distribution clients(String... requests) {
    List<Served> served = new ArrayList<>();
    for (int i = 0; i < requests.length; i++) {
      String[] parts = requests[i].split("[:@]");
      served.add(new Served(parts[1], 200, null, i * 100 * MS, MS, parts[2], Integer.parseInt(parts[0])));
    }
    return new Distribution(served, Set.of());
  }

  @Test
  void noClientGoesBackAfter() {
    // Client 2 reaches 2.0 later than client 1, and neither goes back.
    assertThat(clients("1:web-1@1.0", "2:web-2@1.0", "1:web-4@2.0", "2:web-2@1.0", "1:web-4@2.0", "2:web-4@2.0"))
        .noClientGoesBackAfter("2.0");

    assertThatThrownBy(() -> assertThat(clients("1:web-1@1.0", "1:web-4@2.0", "2:web-2@1.0", "1:web-2@1.0"))
        .noClientGoesBackAfter("2.0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no client to go back from <2.0>, but client 1 was served by <2.0> at request 2 "
            + "(web-4) and then by <1.0> at request 4 (web-2).");
    assertThatThrownBy(() -> assertThat(clients("1:web-1@1.0", "2:web-2@1.0")).noClientGoesBackAfter("2.0"))
        .hasMessageContaining("Expected clients to be served by <2.0>, but no request was; versions served: {1.0=2}.");
  }

  @Test
  void noClientGoesBackAfterFailsOnAnEmptyRunEveryRequestFailedAndUnknownClients() {
    assertThatThrownBy(() -> assertThat(run()).noClientGoesBackAfter("2.0"))
        .hasMessageContaining("Expected noClientGoesBackAfter() on a run of requests, but the run is empty");
    assertThatThrownBy(() -> assertThat(run("FAILED", "FAILED")).noClientGoesBackAfter("2.0"))
        .hasMessageContaining("noClientGoesBackAfter() needs the version of each request");
    assertThatThrownBy(() -> assertThat(run("web-1@1.0", "web-4@2.0")).noClientGoesBackAfter("2.0"))
        .hasMessageContaining("Expected requests of known clients, but none says which client sent it");
  }

  @Test
  void hasMixedWindowAtMost() {
    // 2.0 first served at request 3 (200 ms), 1.0 last at request 4 (300 ms): 100 ms of both.
    assertThat(rolling).hasMixedWindowAtMost(Duration.ofMillis(100));
    assertThat(run("web-1@1.0", "web-4@2.0", "web-4@2.0")).hasMixedWindowAtMost(Duration.ZERO);

    assertThatThrownBy(() -> assertThat(rolling).hasMixedWindowAtMost(Duration.ofMillis(99)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected versions to serve side by side for at most 99 ms, but <2.0> first served at "
            + "request 3 and <1.0> last served at request 4, 100 ms later.");
    assertThatThrownBy(() -> assertThat(run("web-1@1.0", "web-2@1.0")).hasMixedWindowAtMost(Duration.ofSeconds(1)))
        .hasMessageContaining("Expected two versions to serve, one after the other, but every successful request was "
            + "served by <1.0>.");
    assertThatThrownBy(() -> assertThat(run()).hasMixedWindowAtMost(Duration.ofSeconds(1)))
        .hasMessageContaining("Expected hasMixedWindowAtMost() on a run of requests, but the run is empty");
  }
}
