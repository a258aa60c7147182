package io.github.lbstack.internal.core.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.internal.backend.ImageConfig;
import io.github.lbstack.internal.spec.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived image's recipe; WarmDatabaseIT runs it against real images. */
class DatabaseImagesTest {

  private static final ImageConfig MYSQL = new ImageConfig("sha256:1", List.of("docker-entrypoint.sh"),
      List.of("mysqld"), "", java.util.Map.of());

  @Test
  void wrapsTheImagesOwnEntrypointAndSetsItsCommandAndUserAgain() {
    ImageConfig config = new ImageConfig("sha256:2", List.of("tini", "--", "entry \"x\".sh"), List.of("postgres"),
        "postgres", java.util.Map.of());

    String dockerfile = DatabaseImages.dockerfile(DatabaseKind.POSTGRES, "my/postgres:17", config);

    assertThat(dockerfile).startsWith("FROM my/postgres:17\nUSER root\n")
        .contains("RUN [\"bash\", \"/usr/local/bin/lbstack-warm-database.sh\", \"init\", \"postgres\", \"3\", "
            + "\"tini\", \"--\", \"entry \\\"x\\\".sh\", \"postgres\"]\n")
        .contains("ENTRYPOINT [\"bash\", \"/usr/local/bin/lbstack-warm-database.sh\", \"start\", \"postgres\", \"3\", "
            + "\"tini\", \"--\", \"entry \\\"x\\\".sh\"]\n")
        .contains("CMD [\"postgres\"]\n")
        .endsWith("USER postgres\n");
  }

  @Test
  void theTagChangesWithTheBaseImagesIdAndOnlyThen() {
    String tag = DatabaseImages.warmTag(DatabaseKind.MYSQL, "mysql:8.4", MYSQL);

    assertThat(tag).startsWith("lbstack-db:mysql-");
    assertThat(DatabaseImages.warmTag(DatabaseKind.MYSQL, "mysql:8.4", MYSQL)).isEqualTo(tag);
    assertThat(DatabaseImages.warmTag(DatabaseKind.MYSQL, "mysql:8.4",
        new ImageConfig("sha256:updated", MYSQL.entrypoint(), MYSQL.command(), "", java.util.Map.of()))).isNotEqualTo(tag);
  }
}
