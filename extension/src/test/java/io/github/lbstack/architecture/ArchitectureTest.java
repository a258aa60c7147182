package io.github.lbstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers, enforced. A {@code module-info} would say the same, but testcontainers 2.0.5, rest-assured 6.0.1,
 * mysql-connector-j 9.7.0 and awaitility 4.3.0 carry no module name, so lbstack's module would have to require
 * names javac derives from their file names, which change once those projects name their modules; javac warns not
 * to publish such a module. Until they do, these rules fail the build instead.
 */
class ArchitectureTest {

  private static final String[] API = {"io.github.lbstack", "io.github.lbstack.traffic..",
      "io.github.lbstack.assertions.."};
  private static final String INTERNAL = "io.github.lbstack.internal..";
  private static final String BACKEND = "io.github.lbstack.internal.backend..";

  private static final JavaClasses LBSTACK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.lbstack");

  @Test
  void theImplementationNeverReachesUpIntoTheApi() {
    noClasses().that().resideInAPackage(INTERNAL).should().dependOnClassesThat().resideInAnyPackage(API)
        .check(LBSTACK);
  }

  @Test
  void theApiUsesTheCoreAndNeverTheBackendsBelowIt() {
    noClasses().that().resideInAnyPackage(API).should().dependOnClassesThat().resideInAPackage(BACKEND)
        .check(LBSTACK);
  }

  @Test
  void onlyTheBackendsTouchTestcontainersAndDockerJava() {
    noClasses().that().resideOutsideOfPackage(BACKEND).should().dependOnClassesThat()
        .resideInAnyPackage("org.testcontainers..", "com.github.dockerjava..").check(LBSTACK);
  }

  @Test
  void theBackendsKnowNothingOfTheCoreAbove() {
    noClasses().that().resideInAPackage(BACKEND).should().dependOnClassesThat()
        .resideInAnyPackage("io.github.lbstack.internal.core..", "io.github.lbstack.internal.spec..",
            "io.github.lbstack.internal.lb..", "io.github.lbstack.internal.report..")
        .check(LBSTACK);
  }

  /**
   * The core's packages, from its front down: each may use only those below it, so a newcomer reads one concern at
   * a time and a new feature has one obvious home.
   */
  @Test
  void theCoreIsLayeredFromItsFrontDown() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.github.lbstack..")
        .layer("API").definedBy(API)
        .layer("Front").definedBy("io.github.lbstack.internal.core")
        .layer("Reuse").definedBy("io.github.lbstack.internal.core.reuse..")
        .layer("Launch").definedBy("io.github.lbstack.internal.core.launch..")
        .layer("Stack").definedBy("io.github.lbstack.internal.core.stack..")
        .layer("Scaling").definedBy("io.github.lbstack.internal.core.scaling..")
        .layer("Containers").definedBy("io.github.lbstack.internal.core.containers..")
        .layer("Readiness").definedBy("io.github.lbstack.internal.core.readiness..")
        .layer("Sweep").definedBy("io.github.lbstack.internal.core.sweep..")
        .layer("Faults").definedBy("io.github.lbstack.internal.core.faults..")
        .whereLayer("Front").mayOnlyBeAccessedByLayers("API")
        .whereLayer("Reuse").mayOnlyBeAccessedByLayers("Front")
        .whereLayer("Launch").mayOnlyBeAccessedByLayers("Front", "Reuse")
        .whereLayer("Stack").mayOnlyBeAccessedByLayers("API", "Front", "Reuse", "Launch")
        .whereLayer("Scaling").mayOnlyBeAccessedByLayers("API", "Front", "Reuse", "Launch", "Stack")
        .whereLayer("Containers").mayOnlyBeAccessedByLayers("Reuse", "Launch", "Scaling")
        .whereLayer("Readiness").mayOnlyBeAccessedByLayers("API", "Front", "Reuse", "Launch", "Stack", "Scaling",
            "Containers")
        .whereLayer("Sweep").mayOnlyBeAccessedByLayers("Front", "Reuse", "Launch")
        .whereLayer("Faults").mayOnlyBeAccessedByLayers("API", "Launch", "Stack")
        .check(LBSTACK);
  }

  @Test
  void packagesDoNotDependOnEachOtherInCircles() {
    slices().matching("io.github.lbstack.(**)").should().beFreeOfCycles().check(LBSTACK);
  }

  @Test
  void thePublicApiShowsNoImplementationTypes() {
    methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideInAnyPackage(API)
        .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.not(
            JavaClass.Predicates.resideInAPackage(INTERNAL)))
        .check(LBSTACK);
  }

  /** The ITs and the samples are written as users write tests: against the API alone. */
  @Test
  void itAndSamplesUseTheApiOnly() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Stream.of(Path.of("../it/src"), Path.of("../samples/src")).filter(Files::isDirectory)
        .flatMap(ArchitectureTest::walk)) {
      offenders = files.filter(file -> file.toString().endsWith(".java")).filter(ArchitectureTest::usesInternal)
          .map(Path::toString).toList();
    }
    assertThat(Path.of("../it/src")).as("run from the extension module").isDirectory();
    assertThat(offenders).as("files under it/ or samples/ that import io.github.lbstack.internal").isEmpty();
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean usesInternal(Path file) {
    try {
      return Files.readString(file).contains("io.github.lbstack.internal");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
