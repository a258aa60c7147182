package io.github.lbstack.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle {@code mvn -P release verify} makes for Maven Central: the library's three jars and POM, the parent
 * POM, a checksum for each, the metadata Central requires, and only the library. Runs in {@code ./run release}
 * (failsafe leaves it out otherwise, since only that build makes the bundle).
 */
class ReleaseBundleIT {

  private static final String VERSION = System.getProperty("lbstack.release.version", "");
  private static final String MODULE = "io/github/lbstack/lbstack-junit5/" + VERSION + "/lbstack-junit5-" + VERSION;
  private static final String PARENT = "io/github/lbstack/lbstack-parent/" + VERSION + "/lbstack-parent-" + VERSION;

  private static final Map<String, byte[]> ENTRIES = new LinkedHashMap<>();

  @BeforeAll
  static void readBundle() throws IOException {
    Path bundle = Path.of(System.getProperty("lbstack.release.bundle", "(lbstack.release.bundle not set)"));
    assertThat(bundle).as("the bundle; build it with mvn -P release verify (./run release)").isRegularFile();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          ENTRIES.put(entry.getName(), zip.readAllBytes());
        }
      }
    }
  }

  @Test
  void holdsTheLibrarysJarsAndPomsEachWithItsChecksumsAndNothingElse() throws Exception {
    List<String> artifacts = List.of(MODULE + ".jar", MODULE + "-sources.jar", MODULE + "-javadoc.jar",
        MODULE + ".pom", PARENT + ".pom");
    List<String> expected = artifacts.stream()
        .flatMap(artifact -> java.util.stream.Stream.of(artifact, artifact + ".md5", artifact + ".sha1")).toList();

    assertThat(ENTRIES.keySet()).filteredOn(name -> !name.endsWith(".asc")).containsExactlyInAnyOrderElementsOf(
        expected);
    for (String artifact : artifacts) {
      assertThat(text(artifact + ".md5")).as(artifact + ".md5").isEqualTo(digest("MD5", ENTRIES.get(artifact)));
      assertThat(text(artifact + ".sha1")).as(artifact + ".sha1").isEqualTo(digest("SHA-1", ENTRIES.get(artifact)));
    }
  }

  @Test
  void thePomsCarryWhatCentralRequires() {
    String parent = text(PARENT + ".pom");
    String module = text(MODULE + ".pom");

    assertThat(module).contains("<artifactId>lbstack-junit5</artifactId>", "<name>", "<description>",
        "<artifactId>lbstack-parent</artifactId>");
    assertThat(parent).contains("<name>lbstack</name>", "<description>", "<url>https://github.com/lbstack/lbstack</url>",
        "<name>Apache-2.0</name>", "<developers>", "<scm>", "<connection>scm:git:");
  }

  @Test
  void theJarNamesItsModuleAndTheJavadocShowsTheApiOnly() throws IOException {
    try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(ENTRIES.get(MODULE + ".jar")))) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("io.github.lbstack");
    }
    List<String> javadoc = names(ENTRIES.get(MODULE + "-javadoc.jar"));
    // The Javadoc tool files pages under the module name when it finds one (Automatic-Module-Name).
    for (String page : List.of("io/github/lbstack/LoadBalancedStack.html", "io/github/lbstack/traffic/Traffic.html",
        "io/github/lbstack/assertions/LbAssertions.html")) {
      assertThat(javadoc).as("the Javadoc jar").anyMatch(name -> name.endsWith(page));
    }
    assertThat(javadoc).noneMatch(name -> name.contains("/internal/"));
    assertThat(names(ENTRIES.get(MODULE + "-sources.jar"))).contains("io/github/lbstack/LoadBalancedStack.java");
  }

  @Test
  void theReadmesDependencySnippetNamesTheVersionThisBuildMakes() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains("<artifactId>lbstack-junit5</artifactId>\n  <version>" + VERSION + "</version>");
  }

  private static List<String> names(byte[] jar) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static String text(String entry) {
    assertThat(ENTRIES).as("bundle entries").containsKey(entry);
    return new String(ENTRIES.get(entry), StandardCharsets.UTF_8).trim();
  }

  private static String digest(String algorithm, byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
  }
}
