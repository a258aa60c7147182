package io.github.lbstack.samples.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.lbstack.LoadBalancedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Measures lbstack against what users write without it, on the same images, in one run, interleaved, and prints
 * each figure as median and spread with its ratio to the baselines. Run it with {@code ./run benchmark}; it is not
 * part of {@code mvn verify}. {@code -Dbench.runs=5} sets the runs per figure.
 */
public final class Benchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Setup.buildAppImage();
    List<Variant> cold = List.of(LbstackVariant.standard(), new TestcontainersSequential(), new DockerJavaFloor(),
        new Compose(), LbstackVariant.order("all-at-once"), LbstackVariant.order("database-first"),
        LbstackVariant.postgres(), LbstackVariant.nginx());
    Variant jar = LbstackVariant.jarMode();
    Variant spares = LbstackVariant.spares(3);
    Map<String, Samples> ready = new LinkedHashMap<>();
    Map<String, Samples> teardown = new LinkedHashMap<>();
    Map<String, Samples> scale = new LinkedHashMap<>();
    Samples replicaMemory = new Samples();
    Samples stackMemory = new Samples();
    List<Variant> all = new ArrayList<>(cold);
    all.add(jar);
    all.add(spares);
    all.forEach(variant -> {
      ready.put(variant.name(), new Samples());
      teardown.put(variant.name(), new Samples());
    });
    // -Dbench.skip-cold=true measures the suites, reuse and resets only; -Dbench.reset-only=true the resets only;
    // -Dbench.spring-only=true the Spring Boot sample only.
    boolean springOnly = Boolean.getBoolean("bench.spring-only") || Boolean.getBoolean("bench.jre25-only");
    // -Dbench.deploy-only=true: the release drills and the load generator only (DeployBench).
    boolean deployOnly = Boolean.getBoolean("bench.deploy-only");
    // -Dbench.fresh-jvm-only=true: the first stack of a fresh JVM against a warmed one (FreshJvmBench).
    boolean freshJvmOnly = Boolean.getBoolean("bench.fresh-jvm-only");
    // -Dbench.database-only=true: the warm database against the cold one (DatabaseBench).
    boolean databaseOnly = Boolean.getBoolean("bench.database-only");
    boolean resetOnly = Boolean.getBoolean("bench.reset-only") || springOnly || deployOnly || freshJvmOnly
        || databaseOnly;
    if (Boolean.getBoolean("bench.skip-cold") || resetOnly) {
      all.clear();
    }
    // -Dbench.lb-only=true: the two balancers alone, cold ready and scaling; -Dbench.cold-only=true: every stack
    // variant (ready, scaling, memory, teardown) and nothing else.
    boolean lbOnly = Boolean.getBoolean("bench.lb-only");
    if (lbOnly) {
      all.retainAll(List.of(cold.get(0), cold.get(cold.size() - 1)));
    }
    boolean stacksOnly = lbOnly || Boolean.getBoolean("bench.cold-only");
    // One warm-up round, not counted: first builds, class loading, the engine's caches.
    for (Variant variant : all) {
      variant.start().close();
    }
    for (int run = 1; run <= RUNS; run++) {
      for (Variant variant : all) {
        long start = System.nanoTime();
        Variant.Running running = variant.start();
        double readyMillis = millisSince(start);
        ready.get(variant.name()).add(readyMillis);
        if (variant == cold.get(0)) {
          memory(running.containers(), replicaMemory, stackMemory);
        }
        if (variant == cold.get(0) || variant instanceof Compose || variant == spares
            || variant == cold.get(cold.size() - 1)) {
          long scaling = System.nanoTime();
          running.scaleTo(6);
          scale.computeIfAbsent(variant.name(), key -> new Samples()).add(millisSince(scaling));
        }
        long closing = System.nanoTime();
        running.close();
        teardown.get(variant.name()).add(millisSince(closing));
        System.out.printf("run %d %-34s ready %.2f s%n", run, variant.name(), readyMillis / 1000);
      }
    }
    Map<String, Samples> suites = resetOnly || stacksOnly ? new LinkedHashMap<>() : suites();
    Map<String, Samples> reuse = resetOnly || stacksOnly ? new LinkedHashMap<>() : reuse();
    Map<String, Samples> resets = springOnly || stacksOnly || deployOnly || freshJvmOnly || databaseOnly
        ? new LinkedHashMap<>()
        : ResetBench.measure(RUNS);
    SpringBench.Figures spring = Boolean.getBoolean("bench.reset-only") || stacksOnly || deployOnly || freshJvmOnly
        || databaseOnly ? null
        : SpringBench.measure(RUNS);
    DeployBench.Figures deploys = resetOnly && !deployOnly || stacksOnly || freshJvmOnly || databaseOnly ? null
        : DeployBench.measure(RUNS);
    Map<String, Samples> freshJvm = freshJvmOnly || !resetOnly && !stacksOnly ? FreshJvmBench.measure(RUNS)
        : new LinkedHashMap<>();
    DatabaseBench.Figures databases = databaseOnly || !resetOnly && !stacksOnly ? DatabaseBench.measure(RUNS) : null;

    StringBuilder out = new StringBuilder();
    out.append(String.format("%n## Results (%d runs per figure, interleaved; median, then min–max)%n%n", RUNS));
    table(out, "1. Cold stack ready: lb serves 3 replicas, the database (MySQL unless named) and Redis answer", ready,
        "lbstack");
    table(out, "2. Scale 3 → 6, until the lb serves all 6", scale, "lbstack");
    table(out, "3. A suite of 10 classes (wall time of the test kit run)", suites, "10 classes, one shared stack");
    if (!replicaMemory.isEmpty()) {
    out.append(String.format("### 4. Memory (RSS as docker stats reports it, lbstack quickstart stack)%n%n"
        + "| what | median (min–max) |%n|---|---|%n| one replica | %s |%n| whole stack (6 containers) | %s |%n%n",
        replicaMemory.describe("MiB"), stackMemory.describe("MiB")));
    }
    table(out, "5. Teardown", teardown, "lbstack");
    if (reuse.isEmpty() && !resetOnly && !stacksOnly) {
      out.append(String.format("### 6. Ready time of a reused stack%n%nNot measured: CI is set, so lbstack.reuse is "
          + "ignored.%n"));
    } else {
      table(out, "6. One shared class run on its own, as from an IDE (wall time of the test kit run)", reuse,
          "reused stack (lbstack.reuse=true)");
    }
    table(out, "7. resetData() after a test added a row (goal: 100 ms for the small seed, 2 s for 100,000 rows)",
        resets, "MySQL: snapshot, 49 rows in 7 tables", "ms");
    if (spring != null) {
      table(out, "8. The Spring Boot sample's stack ready (3 replicas, MySQL, Redis)", spring.ready(),
          spring.baseline());
      table(out, "9. A Spring Boot replica's RSS right after ready (docker stats)", spring.replicaMemory(),
          spring.baseline(), "MiB");
      table(out, "9b. A Spring Boot replica's JVM start (\"process running for\" in its log; goal: trained <= 0.6x "
          + "untrained)", spring.jvmStart(), spring.baseline(), "ms");
    }
    if (deploys != null) {
      table(out, "10. A rolling deploy and a blue/green switch of 3 quickstart replicas, against starting 3 at once",
          deploys.deploys(), "baseline: scaleTo(6), 3 replicas started at once");
      table(out, "11. The load generator's kept rate (requests started per second, GET /health)", deploys.rates(),
          "50/s asked", "/s");
      table(out, "12. How late the generator started requests (p99 of its lag)", deploys.lag(), "50/s asked",
          "ms");
      table(out, "13. The test JVM's CPU per 1,000 requests: open-model Load against closed-model Traffic",
          deploys.cpu(), "Traffic, 4 clients (baseline)", "ms");
    }
    table(out, "14. The quickstart stack as a fresh JVM's first, against this JVM's after a warm-up round", freshJvm,
        FreshJvmBench.WARM);
    if (databases != null) {
      for (String kind : List.of("MySQL", "PostgreSQL")) {
        table(out, "15. " + kind + ": one database container from docker run to the stack user's first login, the "
            + "image against the warm image lbstack derives from it", only(databases.container(), kind),
            kind + ", warm image");
        table(out, "16. " + kind + ": the quickstart stack, start to close, with the database warm and cold "
            + "(lbstack.database.warm)", only(databases.stack(), "quickstart on " + kind + ","),
            "quickstart on " + kind + ", warm");
      }
    }
    System.out.println(out);
    Path report = Setup.SAMPLES.resolve("target/benchmark.md");
    Files.writeString(report, out.toString());
    System.out.println("written to " + report.toAbsolutePath());
    System.exit(0);
  }

  private static Map<String, Samples> only(Map<String, Samples> figures, String prefix) {
    Map<String, Samples> some = new LinkedHashMap<>();
    figures.forEach((name, samples) -> {
      if (name.startsWith(prefix)) {
        some.put(name, samples);
      }
    });
    return some;
  }

  private static void table(StringBuilder out, String title, Map<String, Samples> figures, String subject) {
    table(out, title, figures, subject, "s");
  }

  private static void table(StringBuilder out, String title, Map<String, Samples> figures, String subject,
      String unit) {
    if (figures.values().stream().allMatch(Samples::isEmpty)) {
      return; // not measured in this run (-Dbench.reset-only, -Dbench.spring-only...)
    }
    out.append("### ").append(title).append("\n\n| variant | median (min–max) | ").append(subject)
        .append(" ÷ variant |\n|---|---|---|\n");
    Samples ours = figures.get(subject);
    figures.forEach((name, samples) -> {
      if (!samples.isEmpty()) {
        out.append(String.format("| %s | %s | %.2f× |%n", name, samples.describe(unit),
            ours == null || ours.isEmpty() ? Double.NaN : ours.median() / samples.median()));
      }
    });
    out.append('\n');
  }

  /**
   * One shared class run again and again, each run a fresh test kit execution as a developer's next run would be:
   * with reuse, after one run that keeps the stack; without, cold each time. Interleaved.
   */
  private static Map<String, Samples> reuse() throws Exception {
    Map<String, Samples> figures = new LinkedHashMap<>();
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      return figures;
    }
    figures.put("reused stack (lbstack.reuse=true)", new Samples());
    figures.put("cold stack", new Samples());
    List<Class<?>> one = SuiteFixtures.SHARED.subList(0, 1);
    try {
      timeSuite(one, true);
      for (int run = 1; run <= RUNS; run++) {
        figures.get("reused stack (lbstack.reuse=true)").add(timeSuite(one, true));
        figures.get("cold stack").add(timeSuite(one, false));
        System.out.printf("reuse run %d done%n", run);
      }
    } finally {
      Setup.run(List.of("bash", "-c", "docker ps -aq --filter label=io.github.lbstack.reuse | xargs -r docker rm -f; "
          + "docker network ls -q --filter label=io.github.lbstack.reuse | xargs -r docker network rm"));
    }
    return figures;
  }

  /** The suite of 10 classes, shared and not, interleaved; each run is one test kit execution. */
  private static Map<String, Samples> suites() {
    Map<String, Samples> suites = new LinkedHashMap<>();
    suites.put("10 classes, one shared stack", new Samples());
    suites.put("10 classes, a stack each", new Samples());
    suites.put("1 class", new Samples());
    for (int run = 1; run <= RUNS; run++) {
      suites.get("10 classes, one shared stack").add(timeSuite(SuiteFixtures.SHARED));
      suites.get("10 classes, a stack each").add(timeSuite(SuiteFixtures.OWN));
      suites.get("1 class").add(timeSuite(SuiteFixtures.OWN.subList(0, 1)));
      System.out.printf("suite run %d done%n", run);
    }
    return suites;
  }

  private static double timeSuite(List<Class<?>> classes) {
    return timeSuite(classes, false);
  }

  private static double timeSuite(List<Class<?>> classes, boolean reuse) {
    EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("bench.dockerfile", Setup.DOCKERFILE.toString())
        .configurationParameter("lbstack.reuse", Boolean.toString(reuse));
    for (String key : List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, LoadBalancedStack.MYSQL_IMAGE_PROPERTY,
        LoadBalancedStack.REDIS_IMAGE_PROPERTY, LoadBalancedStack.JRE_IMAGE_PROPERTY)) {
      if (System.getProperty(key) != null) {
        engine.configurationParameter(key, System.getProperty(key));
      }
    }
    long start = System.nanoTime();
    EngineExecutionResults results = engine.selectors(classes.stream().map(c -> selectClass(c))
        .toArray(org.junit.platform.engine.DiscoverySelector[]::new)).execute();
    double millis = millisSince(start);
    List<String> failures = results.allEvents().failed().stream().map(event -> event.getTestDescriptor()
        .getDisplayName() + ": " + event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
        .toList();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the suite had " + failures.size() + " failures, the first: " + failures.get(0));
    }
    return millis;
  }

  /** RSS of each container, from docker stats: web replicas one by one, and the sum. */
  private static void memory(List<String> containers, Samples replica, Samples stack) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "stats", "--no-stream", "--format",
        "{{.Name}} {{.MemUsage}}"));
    command.addAll(containers);
    double total = 0;
    for (String line : Setup.run(command).strip().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      double mib = mebibytes(parts[1]);
      total += mib;
      if (parts[0].contains("-web-")) {
        replica.add(mib);
      }
    }
    stack.add(total);
  }

  static double mebibytes(String usage) {
    double value = Double.parseDouble(usage.replaceAll("[^0-9.]", ""));
    if (usage.endsWith("GiB")) {
      return value * 1024;
    }
    if (usage.endsWith("KiB") || usage.endsWith("kB")) {
      return value / 1024;
    }
    return value;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
