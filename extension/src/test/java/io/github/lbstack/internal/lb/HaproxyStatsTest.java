package io.github.lbstack.internal.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HaproxyStatsTest {

  // Trimmed from a real HAProxy 2.6 stats page; the real one has about 100 columns, in the same header order.
  private static final String CSV = """
      # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight
      http,FRONTEND,,,0,1,4096,9,0,0,0,0,0,,,,,OPEN,
      web,web-1,0,0,0,1,,3,0,0,,0,,0,0,0,0,UP,1
      web,web-2,0,0,0,1,,3,0,0,,0,,0,0,0,0,DOWN,1
      web,web-3,0,0,0,1,,3,0,0,,0,,0,0,0,0,MAINT,1
      web,BACKEND,0,0,0,1,410,9,0,0,0,0,,0,0,0,0,UP,2
      stats,FRONTEND,,,1,1,4096,2,0,0,0,0,0,,,,,OPEN,
      """;

  @Test
  void readsTheStatusOfEachServerOfTheBackend() {
    assertThat(HaproxyStats.serverStatuses(CSV, "web"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("web-1", "UP"),
            org.assertj.core.api.Assertions.entry("web-2", "DOWN"),
            org.assertj.core.api.Assertions.entry("web-3", "MAINT"));
  }

  @Test
  void readsTheRequestsEachServerWasSent() {
    assertThat(HaproxyStats.requestsServed(CSV, "web"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("web-1", 3L),
            org.assertj.core.api.Assertions.entry("web-2", 3L),
            org.assertj.core.api.Assertions.entry("web-3", 3L));
  }

  /**
   * Counters of two frontends and a backend: https read 9 requests and finished 7, plain read 2 and finished them.
   * The stats page's own request is under way while it is read, and left out.
   */
  private static final String FRONTENDS = """
      # pxname,svname,req_tot,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other
      https,FRONTEND,9,0,5,1,1,0,0
      plain,FRONTEND,2,,,2,,,
      app,web-1,,,3,,,,
      app,BACKEND,5,0,5,0,0,0,0
      lbstack_stats,FRONTEND,41,0,40,0,0,0,0
      """;

  @Test
  void countsTheResponsesOfEveryFrontendButLbstacksStatsPage() {
    assertThat(HaproxyStats.responsesSent(FRONTENDS)).isEqualTo(9L);
    assertThat(HaproxyStats.backendRequests(FRONTENDS))
        .containsExactly(org.assertj.core.api.Assertions.entry("app", 5L));
  }

  @Test
  void countsTheRequestsReceivedButNotFinishedOverEveryFrontendButLbstacksStatsPage() {
    assertThat(HaproxyStats.requestsUnderWay(FRONTENDS)).isEqualTo(2L);
    assertThat(HaproxyStats.requestsUnderWay(FRONTENDS.replace("https,FRONTEND,9,", "https,FRONTEND,7,"))).isZero();
  }

  @Test
  void ignoresOtherProxies() {
    assertThat(HaproxyStats.serverStatuses(CSV, "other")).isEmpty();
  }

  @Test
  void rejectsTextThatIsNotStatsCsv() {
    assertThatIllegalArgumentException().isThrownBy(() -> HaproxyStats.serverStatuses("<html>", "web"))
        .withMessageContaining("not HAProxy stats CSV");
  }
}
