package io.github.lbstack.internal.core.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.ContainerState.Status;
import io.github.lbstack.internal.backend.FakeBackend;
import io.github.lbstack.internal.spec.JarRuntime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JarStartsTest {

  private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final String RECORD = "-XX:ArchiveClassesAtExit=/tmp/lbstack-app.jsa";
  private static final String SHARE = "-XX:SharedArchiveFile=/app/app.jsa";

  private final FakeBackend backend = new FakeBackend();
  /** A jar image of its own per test: which images are trained is remembered per JVM. */
  private final String jarImage = "lbstack-web:jar-" + UUID.randomUUID().toString().substring(0, 8);

  private JarStarts stack(boolean train) {
    return new JarStarts("1a2b3c4d", new JarRuntime(OPTIONS, train), backend, true);
  }

  private FakeBackend.FakeContainer running(String hostname) {
    FakeBackend.FakeContainer container = backend.new FakeContainer(new ContainerSpec("lbstack-1a2b3c4d-" + hostname,
        jarImage, null, hostname, hostname, Map.of(), List.of(), Map.of(), List.of(8080), Map.of(), Map.of(),
        Map.of()));
    container.status = Status.RUNNING;
    return container;
  }

  @Test
  void startsTheJarWithTheOptionsAndWithoutTrainingWhereItIsOffOrNotSupported() {
    backend.training = true;
    assertThat(stack(false).launch(jarImage, "web-1")).isEqualTo(new JarStarts.Launch(jarImage,
        List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/app/app.jar")));
    backend.training = false;
    assertThat(stack(true).launch(jarImage, "web-1").command()).doesNotContain(RECORD, SHARE);
  }

  @Test
  void oneReplicaRecordsThenItsCloseBuildsTheTrainedImageAndLaterStartsUseIt() {
    backend.training = true;
    JarStarts first = stack(true);
    assertThat(first.launch(jarImage, "web-1").command()).contains(RECORD);
    assertThat(first.launch(jarImage, "web-2").command()).as("one replica records").doesNotContain(RECORD, SHARE);
    assertThat(stack(true).launch(jarImage, "web-1").command())
        .as("another stack while the first records: untrained, and not recording twice").doesNotContain(RECORD, SHARE);

    FakeBackend.FakeContainer web1 = running("web-1");
    backend.files.put(web1.name() + ":/tmp/lbstack-app.jsa", "classes");
    first.finish(name -> name.equals("web-1") ? Optional.of(web1) : Optional.empty());

    String trained = JarStarts.trainedImage(jarImage, OPTIONS);
    assertThat(web1.status).as("stopped gracefully, so its JVM wrote the archive").isEqualTo(Status.EXITED);
    assertThat(backend.events).contains("build " + trained);
    assertThat(stack(true).launch(jarImage, "web-3")).isEqualTo(new JarStarts.Launch(trained,
        List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", SHARE, "-jar", "/app/app.jar")));
  }

  @Test
  void aChangedJarOrOtherOptionsAreAnotherTrainedImage() {
    assertThat(JarStarts.trainedImage(jarImage, OPTIONS)).startsWith(jarImage + "-trained-")
        .isNotEqualTo(JarStarts.trainedImage(jarImage, List.of("-Xmx256m")))
        .isNotEqualTo(JarStarts.trainedImage(jarImage + "0", OPTIONS));
  }

  @Test
  void aReplicaThatIsPausedOrWroteNothingLeavesTheJarUntrainedForALaterStackToRecord() {
    backend.training = true;
    JarStarts first = stack(true);
    first.launch(jarImage, "web-1");
    FakeBackend.FakeContainer paused = running("web-1");
    paused.status = Status.PAUSED;
    first.finish(name -> Optional.of(paused));
    assertThat(paused.status).as("a frozen JVM is not sent a signal it cannot take").isEqualTo(Status.PAUSED);

    JarStarts second = stack(true);
    assertThat(second.launch(jarImage, "web-1").command()).as("recorded again").contains(RECORD);
    Container silent = running("web-1");
    second.finish(name -> Optional.of(silent));
    assertThat(backend.events).noneMatch(event -> event.startsWith("build "));
    assertThat(stack(true).launch(jarImage, "web-1").command()).contains(RECORD);
  }

  @Test
  void aStackKeptForLaterRunsNeverRecords() {
    backend.training = true;
    JarStarts kept = new JarStarts("1a2b3c4d", new JarRuntime(OPTIONS, true), backend, false);
    assertThat(kept.launch(jarImage, "web-1").command()).doesNotContain(RECORD, SHARE);
  }
}
