package io.github.lbstack.samples.bench;

import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spring Boot sample's stack (3 replicas of {@code shop.jar}, MySQL, Redis): cold ready and each replica's RSS,
 * with the JVM's defaults against the options the sample sets for tests, interleaved after one warm-up round.
 */
final class SpringBench {

  static final Path JAR = Setup.SAMPLES.resolve("spring-boot/target/shop.jar");
  static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** Cold ready and replica RSS, by variant. */
  record Figures(Map<String, Samples> ready, Map<String, Samples> replicaMemory) {}

  private SpringBench() {}

  static Figures measure(int runs) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build it with mvn package -pl samples/spring-boot");
    }
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("Spring shop, JVM defaults", "");
    variants.put("Spring shop, " + OPTIONS, OPTIONS);
    Figures figures = new Figures(new LinkedHashMap<>(), new LinkedHashMap<>());
    variants.keySet().forEach(name -> {
      figures.ready().put(name, new Samples());
      figures.replicaMemory().put(name, new Samples());
    });
    for (int run = 0; run <= runs; run++) {
      for (Map.Entry<String, String> variant : variants.entrySet()) {
        long start = System.nanoTime();
        try (RunningStack stack = start(variant.getValue())) {
          double readyMillis = (System.nanoTime() - start) / 1e6;
          if (run > 0) {
            figures.ready().get(variant.getKey()).add(readyMillis);
            replicaMemory(stack, figures.replicaMemory().get(variant.getKey()));
          }
          System.out.printf("spring run %d %-50s ready %.2f s%n", run, variant.getKey(), readyMillis / 1000);
        }
      }
    }
    return figures;
  }

  private static RunningStack start(String options) throws Exception {
    StackDefinition.Builder builder = StackDefinition.builder().replicas(3).jar(JAR).healthPath("/actuator/health");
    if (!options.isEmpty()) {
      builder.env("JAVA_TOOL_OPTIONS=" + options);
    }
    RunningStack stack = builder.start();
    Ready.await(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword(), stack.redisUri().getHost(),
        stack.redisUri().getPort(), stack.lbUri(), 3, "/actuator/health");
    return stack;
  }

  /** Each replica's RSS as {@code docker stats} reports it, right after ready. */
  private static void replicaMemory(RunningStack stack, Samples samples) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}"));
    stack.replicas().forEach(replica -> command.add("lbstack-" + stack.id() + "-" + replica.hostname()));
    for (String line : Setup.run(command).strip().split("\n")) {
      samples.add(Benchmark.mebibytes(line.trim().split("\\s+")[0]));
    }
  }
}
