package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lbstack.internal.spec.ReleaseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release says what it runs and how it rolls out; a wrong one is refused where it is written, naming the fix. */
class ReleaseTest {

  @Test
  void collectsWhatItRunsAndHow() {
    ReleaseSpec spec = Release.image("shop:2.0").version("2.0").env("FEATURE=on", "URL=${db.jdbcUrl}")
        .inBatchesOf(2).drainLimit(Duration.ofSeconds(5)).readyTimeout(Duration.ofSeconds(40)).spec();
    assertThat(spec.image()).isEqualTo("shop:2.0");
    assertThat(spec.jar()).isNull();
    assertThat(spec.version()).isEqualTo("2.0");
    assertThat(spec.env()).containsEntry("FEATURE", "on").containsEntry("URL", "${db.jdbcUrl}");
    assertThat(spec.batchSize()).isEqualTo(2);
    assertThat(spec.drainLimit()).hasSeconds(5);
    assertThat(spec.readyTimeout()).hasSeconds(40);

    ReleaseSpec defaults = Release.image("shop:2.0").spec();
    assertThat(defaults.version()).isEmpty();
    assertThat(defaults.batchSize()).isEqualTo(1);
    assertThat(defaults.drainLimit()).hasSeconds(30);
    assertThat(defaults.readyTimeout()).isNull();
  }

  @Test
  void aJarIsFoundBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("shop-2.0.jar"), "jar");
    assertThat(Release.jar(jar.toString()).spec().jar()).isEqualTo(jar.toAbsolutePath().normalize());

    assertThatThrownBy(() -> Release.jar(dir.resolve("missing.jar").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Release.jar(\"" + dir.resolve("missing.jar") + "\"): no file at")
        .hasMessageContaining("build the jar first");
  }

  @Test
  void wrongInputIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Release.image(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Release.image(\" \"): name an image, such as \"shop:2.0\"");
    assertThatThrownBy(() -> Release.image("shop:2").version("2 beta"))
        .hasMessage("Release.version(\"2 beta\"): use a label without spaces, such as \"2.0\"");
    assertThatThrownBy(() -> Release.image("shop:2").env("FEATURE"))
        .hasMessage("Release.env(\"FEATURE\"): write each entry as NAME=value");
    assertThatThrownBy(() -> Release.image("shop:2").inBatchesOf(0))
        .hasMessage("Release.inBatchesOf(0): use 1 or more");
    assertThatThrownBy(() -> Release.image("shop:2").drainLimit(Duration.ZERO))
        .hasMessage("Release.drainLimit(PT0S): use a positive duration");
    assertThatThrownBy(() -> Release.image("shop:2").readyTimeout(Duration.ofSeconds(-1)))
        .hasMessage("Release.readyTimeout(PT-1S): use a positive duration");
  }
}
