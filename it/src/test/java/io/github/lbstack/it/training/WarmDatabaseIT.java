package io.github.lbstack.it.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.RunningStack;
import io.github.lbstack.Web;
import io.github.lbstack.it.ItImages;
import io.github.lbstack.it.ItRuns;
import io.github.lbstack.it.Leftovers;
import io.github.lbstack.it.SeedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The database that starts warm: the first stack of a database image derives an image with its data directory
 * initialised, later stacks start from it with their own database, user and password, a changed database image warms
 * again, a stack with init scripts starts cold, and what warming makes is kept as an image, never as a container.
 * Each base image here is a copy of the run's database image with a label of its own, so its id, and so its warm
 * image, belong to this test alone.
 */
class WarmDatabaseIT {

  private static final DockerClient DOCKER = DockerClientFactory.instance().client();
  private static final String WARM_OF = "io.github.lbstack.warm-of";
  private static final List<String> MADE = new ArrayList<>();

  @TempDir
  static Path dir;

  /** What one run's database ran: its stack and its image. */
  record Run(String stackId, String image) {}

  static volatile Run run;

  /** The stack answered through its database: the app's rows, and a login of the stack's own user from the test. */
  static void recordAndCheck(RunningStack stack, DataSource db, String service) throws Exception {
    given().baseUri(stack.lbUri().toString()).post("/rows?value=warm").then().statusCode(201);
    assertThat(given().baseUri(stack.lbUri().toString()).get("/rows").then().statusCode(200).extract().asString())
        .contains("warm");
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE lbstack_warm_check (id INT)");
      statement.execute("INSERT INTO lbstack_warm_check VALUES (7)");
    }
    assertThat(SeedData.strings(db, "SELECT id FROM lbstack_warm_check")).containsExactly("7");
    var container = DOCKER.inspectContainerCmd("lbstack-" + stack.id() + "-" + service).exec();
    run = new Run(stack.id(), container.getConfig().getImage());
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "${it.app.jar}"))
  static class OnMysql {
    @Test
    void serves(RunningStack stack, DataSource db) throws Exception {
      recordAndCheck(stack, db, "mysql");
    }
  }

  @LoadBalancedStack(replicas = 1, database = Database.POSTGRES, web = @Web(jar = "${it.app.jar}"))
  static class OnPostgres {
    @Test
    void serves(RunningStack stack, DataSource db) throws Exception {
      recordAndCheck(stack, db, "postgres");
    }
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "${it.app.jar}"),
      databaseInit = "src/test/resources/db/schema.sql")
  static class WithInitScripts {
    @Test
    void serves(RunningStack stack, DataSource db) throws Exception {
      assertThat(SeedData.colours(db)).as("the script ran").containsExactly("red", "green");
      recordAndCheck(stack, db, "mysql");
    }
  }

  private static Run run(Class<?> fixture, String imageProperty, String image, Map<String, String> configuration) {
    run = null;
    var engine = ItImages.engine().configurationParameter(imageProperty, image);
    configuration.forEach(engine::configurationParameter);
    ItRuns.assertAllSucceeded(engine.selectors(selectClass(fixture)).execute(), 1);
    Run done = run;
    assertThat(Leftovers.of(done.stackId())).as("nothing of the stack is left").isEmpty();
    return done;
  }

  @Test
  void theFirstStackWarmsTheImageTheNextStartFromItAndAChangedImageWarmsAgain() throws Exception {
    String base = copyOf(ItImages.mysql(), "a");
    String changed = copyOf(ItImages.mysql(), "b");

    Run first = run(OnMysql.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, base, Map.of());
    assertThat(first.image()).as("the first stack made the warm image and ran it").startsWith("lbstack-db:mysql-");
    assertThat(labels(first.image())).containsEntry(WARM_OF, base).containsKey("io.github.lbstack.session");

    Run second = run(OnMysql.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, base, Map.of());
    assertThat(second.image()).as("the same base, the same warm image").isEqualTo(first.image());

    Run other = run(OnMysql.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, changed, Map.of());
    assertThat(other.image()).as("a changed base image is warmed again").startsWith("lbstack-db:mysql-")
        .isNotEqualTo(first.image());
    assertThat(labels(other.image())).containsEntry(WARM_OF, changed);

    Run off = run(OnMysql.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, base,
        Map.of(LoadBalancedStack.DATABASE_WARM_PROPERTY, "false"));
    assertThat(off.image()).as("warm start off: the image itself").isEqualTo(base);

    assertThat(containersOf(Set.of(first.image(), other.image())))
        .as("warm images are kept as images; no container of them outlives its stack, nor of their builds").isEmpty();
  }

  @Test
  void postgresStartsWarmWithTheStacksOwnUserAndDatabase() throws Exception {
    String base = copyOf(ItImages.postgres(), "pg");
    Run first = run(OnPostgres.class, LoadBalancedStack.POSTGRES_IMAGE_PROPERTY, base, Map.of());
    Run second = run(OnPostgres.class, LoadBalancedStack.POSTGRES_IMAGE_PROPERTY, base, Map.of());
    assertThat(first.image()).startsWith("lbstack-db:postgres-").isEqualTo(second.image());
    assertThat(labels(first.image())).containsEntry(WARM_OF, base);
    assertThat(containersOf(Set.of(first.image()))).isEmpty();
  }

  @Test
  void aStackWithInitScriptsStartsCold() throws Exception {
    String base = copyOf(ItImages.mysql(), "scripts");
    Run cold = run(WithInitScripts.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, base, Map.of());
    assertThat(cold.image()).as("the image runs the scripts on a fresh data directory").isEqualTo(base);

    String withItsOwn = copyOf(ItImages.mysql(), "own-scripts",
        "COPY schema.sql /docker-entrypoint-initdb.d/schema.sql\n", Path.of("src/test/resources/db/schema.sql"));
    Run own = run(WithItsOwnScripts.class, LoadBalancedStack.MYSQL_IMAGE_PROPERTY, withItsOwn, Map.of());
    assertThat(own.image()).as("an image with scripts of its own is never warmed").isEqualTo(withItsOwn);
    assertThat(DOCKER.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("lbstack.it.copy", withItsOwn))
        .exec()).as("no container of the image, nor of the warming step that stopped (it inherits the label)")
        .isEmpty();
    String id = DOCKER.inspectImageCmd(withItsOwn).exec().getId();
    assertThat(DOCKER.listImagesCmd().withShowAll(true).exec()).filteredOn(image -> id.equals(image.getParentId()))
        .as("no image of the warming build's steps is left on the image (which could not be removed by name then)")
        .isEmpty();
  }

  @LoadBalancedStack(replicas = 1, web = @Web(jar = "${it.app.jar}"))
  static class WithItsOwnScripts {
    @Test
    void serves(RunningStack stack, DataSource db) throws Exception {
      assertThat(SeedData.colours(db)).as("the image's own script ran").containsExactly("red", "green");
      recordAndCheck(stack, db, "mysql");
    }
  }

  /** A copy of {@code image} under a tag of this test, with a label that gives it an id of its own. */
  private static String copyOf(String image, String name) throws Exception {
    return copyOf(image, name, "", null);
  }

  /** @param more Dockerfile lines after the label, with {@code file} (when given) in the context */
  private static String copyOf(String image, String name, String more, Path file) throws Exception {
    String tag = "lbstack-it-warm:" + name + "-" + System.nanoTime();
    Path context = Files.createDirectories(dir.resolve(name));
    if (file != null) {
      Files.copy(file, context.resolve(file.getFileName()));
    }
    Files.writeString(context.resolve("Dockerfile"), "FROM " + image + "\nLABEL lbstack.it.copy=\"" + tag + "\"\n"
        + more);
    DOCKER.buildImageCmd(context.toFile()).withTags(Set.of(tag)).exec(new BuildImageResultCallback())
        .awaitImageId(5, TimeUnit.MINUTES);
    MADE.add(tag);
    return tag;
  }

  private static Map<String, String> labels(String image) {
    Map<String, String> labels = DOCKER.inspectImageCmd(image).exec().getConfig().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static List<String> containersOf(Set<String> images) {
    return DOCKER.listContainersCmd().withShowAll(true).exec().stream()
        .filter(container -> images.contains(container.getImage()))
        .map(container -> String.join(",", container.getNames())).toList();
  }

  /** The bases this test made and the warm images of them: images nobody runs again would only pile up. */
  @AfterAll
  static void removeTheImagesMade() {
    for (String base : MADE) {
      DOCKER.listImagesCmd().withLabelFilter(Map.of(WARM_OF, base)).exec()
          .forEach(image -> remove(image.getId()));
      remove(base);
    }
  }

  private static void remove(String image) {
    try {
      DOCKER.removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException alreadyGone) {
      // Removed with another tag of it.
    }
  }
}
