package io.github.lbstack.internal.core.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebImagesTest {

  @TempDir
  Path context;

  @Test
  void aBuildContextsTagFollowsItsContentAndBuildArguments() throws Exception {
    Files.writeString(context.resolve("Dockerfile"), "FROM base\nCOPY app.jar /app/\n");
    Path jar = context.resolve("app.jar");
    Files.writeString(jar, "version 1");
    String first = WebImages.fingerprint(context, Map.of());

    assertThat(WebImages.fingerprint(context, Map.of())).as("the same files").isEqualTo(first);
    assertThat(WebImages.fingerprint(context, Map.of("BASE_IMAGE", "other"))).as("another build argument")
        .isNotEqualTo(first);

    // Same size, a later modification time: the kept hash must not be reused.
    Files.writeString(jar, "version 2");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    String changed = WebImages.fingerprint(context, Map.of());
    assertThat(changed).as("a changed jar of the same size").isNotEqualTo(first);

    // Back to the first content: the tag is a hash of the content, whatever the file's time.
    Files.writeString(jar, "version 1");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(WebImages.fingerprint(context, Map.of())).isEqualTo(first);

    Files.writeString(context.resolve("extra.txt"), "x");
    assertThat(WebImages.fingerprint(context, Map.of())).as("a file added to the context").isNotEqualTo(first);
  }
}
