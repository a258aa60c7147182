package io.github.lbstack.internal.core.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassArchiveTest {

  @Test
  void java25AndLaterUseTheAotCacheEarlierOrUnknownVersionsDynamicCds() {
    assertThat(ClassArchive.forImage(Map.of("JAVA_VERSION", "jdk-25.0.1+8"))).isEqualTo(ClassArchive.AOT);
    assertThat(ClassArchive.forImage(Map.of("JAVA_VERSION", "jdk-26+35"))).isEqualTo(ClassArchive.AOT);
    assertThat(ClassArchive.forImage(Map.of("JAVA_VERSION", "jdk-21.0.5+11"))).isEqualTo(ClassArchive.CDS);
    assertThat(ClassArchive.forImage(Map.of("JAVA_VERSION", "17.0.15"))).isEqualTo(ClassArchive.CDS);
    assertThat(ClassArchive.forImage(Map.of())).as("a JRE image that does not say").isEqualTo(ClassArchive.CDS);
  }

  @Test
  void theOptionsTheJvmRefusesBesideTheAotCacheAreKnown() {
    assertThat(ClassArchive.conflictsWithAot("-Xshare:on")).isTrue();
    assertThat(ClassArchive.conflictsWithAot("-XX:SharedArchiveFile=/x.jsa")).isTrue();
    assertThat(ClassArchive.conflictsWithAot("-XX:AOTCache=/x.aot")).isTrue();
    assertThat(ClassArchive.conflictsWithAot("-XX:+UseSerialGC")).isFalse();
    assertThat(ClassArchive.conflictsWithAot("-Xlog:aot")).isFalse();
  }

  @Test
  void recordsInTmpAndIsUsedFromTheImage() {
    assertThat(ClassArchive.AOT.recordOption()).isEqualTo("-XX:AOTCacheOutput=/tmp/lbstack-app.aot");
    assertThat(ClassArchive.AOT.useOption()).isEqualTo("-XX:AOTCache=/app/app.aot");
    assertThat(ClassArchive.CDS.recordOption()).isEqualTo("-XX:ArchiveClassesAtExit=/tmp/lbstack-app.jsa");
    assertThat(ClassArchive.CDS.useOption()).isEqualTo("-XX:SharedArchiveFile=/app/app.jsa");
  }
}
