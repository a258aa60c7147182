package io.github.lbstack.it.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.Leftovers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * Start-up that learns: the first stack of a jar records what its replica's JVM loads, the next starts from the
 * trained image, a changed jar trains again, and what training makes is kept as an image, never as a container.
 */
class TrainedStartIT {

  private static final DockerClient DOCKER = DockerClientFactory.instance().client();
  /** With -Xshare:on a JVM that cannot map its archive refuses to start, so a replica that serves has used it. */
  private static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on";
  private static final String RECORD = "-XX:ArchiveClassesAtExit=/tmp/lbstack-app.jsa";
  private static final String SHARE = "-XX:SharedArchiveFile=/app/app.jsa";
  private static final List<String> MADE = new ArrayList<>();

  @TempDir
  static Path dir;

  /** What one run's replica ran: its stack, its image and its command. */
  record Run(String stackId, String image, List<String> command, String log) {}

  @LoadBalancedStack(replicas = 1, database = Database.NONE, redis = false,
      web = @Web(jar = "${it.app.jar}", healthPath = "/"))
  static class OneReplica {
    static volatile Run run;

    @Test
    void serves(RunningStack stack) {
      given().baseUri(stack.lbUri().toString()).get("/").then().statusCode(200);
      var web = DOCKER.inspectContainerCmd("lbstack-" + stack.id() + "-web-1").exec();
      run = new Run(stack.id(), web.getConfig().getImage(), List.of(web.getConfig().getCmd()), stack.logs("web-1"));
    }
  }

  private static Run run(Path jar) {
    return run(jar, ItImages.jre(), OPTIONS);
  }

  private static Run run(Path jar, String jre, String options) {
    OneReplica.run = null;
    ItRuns.assertAllSucceeded(ItImages.engine().configurationParameter(ItImages.APP_JAR_PROPERTY, jar.toString())
        .configurationParameter("lbstack.web.jvm-options", options)
        .configurationParameter(LoadBalancedStack.JRE_IMAGE_PROPERTY, jre)
        .selectors(selectClass(OneReplica.class)).execute(), 1);
    Run run = OneReplica.run;
    MADE.add(run.image());
    assertThat(Leftovers.of(run.stackId())).as("nothing of the stack is left, the replica that trained included")
        .isEmpty();
    return run;
  }

  @Test
  void theFirstStartRecordsTheNextStartsFromTheTrainedImageAndAChangedJarTrainsAgain() throws Exception {
    Path jar = copyOfTheAppJar("a");
    Path changedJar = copyOfTheAppJar("b");

    Run first = run(jar);
    assertThat(first.image()).startsWith("lbstack-web:jar-").doesNotContain("-trained-");
    assertThat(first.command()).contains(RECORD).doesNotContain(SHARE);
    assertThat(trainedImagesOf(first.image())).as("made when the first stack closed").hasSize(1);

    Run second = run(jar);
    assertThat(second.image()).isEqualTo(trainedImagesOf(first.image()).get(0));
    assertThat(second.command()).contains(SHARE, "-Xshare:on").doesNotContain(RECORD);

    Run changed = run(changedJar);
    assertThat(changed.image()).as("another jar is another image, untrained")
        .startsWith("lbstack-web:jar-").doesNotContain("-trained-").isNotEqualTo(first.image());
    assertThat(changed.command()).contains(RECORD).doesNotContain(SHARE);
    assertThat(trainedImagesOf(changed.image())).hasSize(1).doesNotContainAnyElementsOf(trainedImagesOf(first.image()));
  }

  /**
   * On Java 25 the JVM's AOT cache (JEP 483, 514) is recorded and used instead of a CDS archive. The JRE 25 image is
   * the stand-in {@code images/build.sh} makes from this machine's Temurin 25 ({@code -Dit.jre25.image}). The JVM
   * refuses -Xshare options beside the cache, so its own log says it opened the cache.
   */
  @Test
  void onJava25TheAotCacheIsRecordedAndUsed() throws Exception {
    String jre25 = System.getProperty("it.jre25.image", "");
    org.junit.jupiter.api.Assumptions.assumeFalse(jre25.isBlank(),
        "no JRE 25 image: images/build.sh builds one from a Temurin 25 JDK under /usr/lib/jvm");
    Path jar = copyOfTheAppJar("java25");

    String options = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:aot";
    Run first = run(jar, jre25, options);
    assertThat(first.command()).contains("-XX:AOTCacheOutput=/tmp/lbstack-app.aot").doesNotContain(RECORD);
    assertThat(trainedImagesOf(first.image())).as("made when the first stack closed").hasSize(1);

    Run second = run(jar, jre25, options);
    assertThat(second.image()).isEqualTo(trainedImagesOf(first.image()).get(0));
    assertThat(second.command()).contains("-XX:AOTCache=/app/app.aot")
        .doesNotContain("-XX:AOTCacheOutput=/tmp/lbstack-app.aot");
    assertThat(second.log()).contains("Opened AOT cache /app/app.aot");

    Run refused = run(copyOfTheAppJar("java25-xshare"), jre25, OPTIONS);
    assertThat(refused.command()).as("-Xshare:on cannot go with the AOT cache: untrained, as the JVM would refuse")
        .contains("-Xshare:on").noneMatch(option -> option.startsWith("-XX:AOTCache"));
  }

  private static List<String> trainedImagesOf(String jarImage) {
    return DOCKER.listImagesCmd().withReferenceFilter(jarImage + "-trained-*").exec().stream()
        .map(Image::getRepoTags).filter(java.util.Objects::nonNull).flatMap(java.util.Arrays::stream).toList();
  }

  /** The it app's jar with one more entry, so its content, and so its image, is its own. */
  private static Path copyOfTheAppJar(String nonce) throws IOException {
    Path copy = dir.resolve("it-app-" + nonce + ".jar");
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty(ItImages.APP_JAR_PROPERTY)));
        ZipInputStream source = new ZipInputStream(in);
        OutputStream out = Files.newOutputStream(copy);
        ZipOutputStream target = new ZipOutputStream(out)) {
      for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
        target.putNextEntry(new ZipEntry(entry.getName()));
        source.transferTo(target);
        target.closeEntry();
      }
      target.putNextEntry(new ZipEntry("lbstack-it-nonce.txt"));
      target.write((nonce + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
      target.closeEntry();
    }
    return copy;
  }

  /** The images this test made for its own jars; images of jars nobody runs again would only pile up. */
  @AfterAll
  static void removeTheImagesOfTheseJars() {
    for (String image : MADE) {
      String jarImage = image.replaceAll("-trained-.*", "");
      for (String made : trainedImagesOf(jarImage)) {
        DOCKER.removeImageCmd(made).exec();
      }
      try {
        DOCKER.removeImageCmd(jarImage).exec();
      } catch (com.github.dockerjava.api.exception.NotFoundException alreadyGone) {
        // Both runs of one jar made the same image.
      }
    }
  }
}
