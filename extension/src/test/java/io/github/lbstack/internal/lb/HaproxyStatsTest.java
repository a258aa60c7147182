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
    assertThat(HaproxyStats.parse(CSV).serverStatuses("web"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("web-1", "UP"),
            org.assertj.core.api.Assertions.entry("web-2", "DOWN"),
            org.assertj.core.api.Assertions.entry("web-3", "MAINT"));
  }

  @Test
  void readsTheRequestsEachServerWasSent() {
    assertThat(HaproxyStats.parse(CSV).requestsServed("web"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("web-1", 3L),
            org.assertj.core.api.Assertions.entry("web-2", 3L),
            org.assertj.core.api.Assertions.entry("web-3", 3L));
  }

  @Test
  void sumsColumnsPerServerWithAnEmptyFieldAsZero() {
    assertThat(HaproxyStats.parse(CSV).sum("web", "qcur", "stot", "dreq"))
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
    assertThat(HaproxyStats.parse(FRONTENDS).responsesSent()).isEqualTo(9L);
    assertThat(HaproxyStats.parse(FRONTENDS).backendRequests())
        .containsExactly(org.assertj.core.api.Assertions.entry("app", 5L));
  }

  @Test
  void countsTheRequestsReceivedButNotFinishedOverEveryFrontendButLbstacksStatsPage() {
    assertThat(HaproxyStats.parse(FRONTENDS).requestsUnderWay()).isEqualTo(2L);
    String allFinished = FRONTENDS.replace("https,FRONTEND,9,", "https,FRONTEND,7,");
    assertThat(HaproxyStats.parse(allFinished).requestsUnderWay()).isZero();
  }

  @Test
  void ignoresOtherProxies() {
    assertThat(HaproxyStats.parse(CSV).serverStatuses("other")).isEmpty();
  }

  @Test
  void rejectsTextThatIsNotStatsCsv() {
    assertThatIllegalArgumentException().isThrownBy(() -> HaproxyStats.parse("<html>"))
        .withMessageContaining("not HAProxy stats CSV");
  }

  @Test
  void namesAColumnThePageLacks() {
    assertThatIllegalArgumentException().isThrownBy(() -> HaproxyStats.parse(CSV).column("web", "check_status"))
        .withMessageContaining("lacks check_status");
  }

  /** One read serves every column; a line cut off before a column is left out of that column only. */
  @Test
  void readsSeveralColumnsFromOneReadAndSkipsACutOffLine() {
    HaproxyStats stats = HaproxyStats.parse(CSV + "web,web-4,0,0\n");
    assertThat(stats.serverStatuses("web")).containsOnlyKeys("web-1", "web-2", "web-3");
    assertThat(stats.column("web", "qcur")).containsOnlyKeys("web-1", "web-2", "web-3", "web-4");
  }
}
