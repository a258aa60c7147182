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
 * with the JVM's defaults, with lbstack's default options for jar replicas, and with those started from the trained
 * image (the warm-up round records it), interleaved after one warm-up round.
 */
final class SpringBench {

  static final Path JAR = Setup.SAMPLES.resolve("spring-boot/target/shop.jar");
  static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** lbstack's default options, untrained: the baseline of the trained start. */
  static final String UNTRAINED = "Spring shop, " + OPTIONS + ", untrained";

  /** The Java 25 variants' baseline, measured instead of the others with -Dbench.jre25-only=true. */
  static final String UNTRAINED_25 = "Spring shop on JRE 25, " + OPTIONS + ", untrained";

  /** A variant: the value of lbstack.web.jvm-options, whether starts are trained, and the JRE image (null: the run's). */
  private record Variant(String jvmOptions, boolean train, String jre) {
    Variant(String jvmOptions, boolean train) {
      this(jvmOptions, train, null);
    }
  }

  /** Cold ready and replica RSS, by variant, and the variant the ratios are against. */
  record Figures(Map<String, Samples> ready, Map<String, Samples> replicaMemory, Map<String, Samples> jvmStart,
      String baseline) {}

  /** Three containers of the untrained stack's image and command started at once, no lbstack: until all healthy. */
  static final String BARE = "three bare starts of the image (untrained, lbstack's options), no lbstack";

  private SpringBench() {}

  static Figures measure(int runs) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build it with mvn package -pl samples/spring-boot");
    }
    Map<String, Variant> variants = new LinkedHashMap<>();
    // -Dbench.jre25-only=true: the shop on the JRE 25 image (-Dit.jre25.image), untrained and with the AOT cache.
    boolean jre25Only = Boolean.getBoolean("bench.jre25-only");
    if (jre25Only) {
      String jre25 = System.getProperty("it.jre25.image", "");
      if (jre25.isBlank()) {
        throw new IllegalStateException("-Dbench.jre25-only needs a JRE 25 image: -Dit.jre25.image (images/build.sh)");
      }
      variants.put(UNTRAINED_25, new Variant(OPTIONS, false, jre25));
      variants.put("Spring shop on JRE 25, " + OPTIONS + ", trained (AOT cache)", new Variant(OPTIONS, true, jre25));
    } else {
      variants.put("Spring shop, JVM defaults, untrained", new Variant("none", false));
      variants.put(UNTRAINED, new Variant(OPTIONS, false));
      variants.put("Spring shop, " + OPTIONS + ", trained", new Variant(OPTIONS, true));
    }
    Figures figures = new Figures(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
        jre25Only ? UNTRAINED_25 : UNTRAINED);
    variants.keySet().forEach(name -> {
      figures.ready().put(name, new Samples());
      figures.replicaMemory().put(name, new Samples());
      figures.jvmStart().put(name, new Samples());
    });
    if (!jre25Only) {
      figures.ready().put(BARE, new Samples());
    }
    for (int run = 0; run <= runs; run++) {
      for (Map.Entry<String, Variant> variant : variants.entrySet()) {
        long start = System.nanoTime();
        try (RunningStack stack = start(variant.getValue())) {
          double readyMillis = (System.nanoTime() - start) / 1e6;
          if (run > 0) {
            figures.ready().get(variant.getKey()).add(readyMillis);
            replicaMemory(stack, figures.replicaMemory().get(variant.getKey()));
            jvmStart(stack, figures.jvmStart().get(variant.getKey()));
          }
          System.out.printf("spring run %d %-50s ready %.2f s%n", run, variant.getKey(), readyMillis / 1000);
          if (variant.getKey().equals(UNTRAINED)) {
            String replica = "lbstack-" + stack.id() + "-web-1";
            untrainedImage = Setup.run(List.of("docker", "inspect", "-f", "{{.Config.Image}}", replica)).strip();
            untrainedCommand = List.of(Setup.run(List.of("docker", "inspect", "-f",
                "{{range .Config.Cmd}}{{.}} {{end}}", replica)).strip().split(" "));
          }
        }
        if (variant.getKey().equals(UNTRAINED)) {
          double bare = BareStarts.threeAtOnce(untrainedImage, untrainedCommand);
          if (run > 0) {
            figures.ready().get(BARE).add(bare);
          }
          System.out.printf("spring run %d %-50s ready %.2f s%n", run, "three bare starts", bare / 1000);
        }
      }
    }
    return figures;
  }

  private static String untrainedImage;
  private static List<String> untrainedCommand;

  private static RunningStack start(Variant variant) throws Exception {
    System.setProperty("lbstack.web.jvm-options", variant.jvmOptions());
    System.setProperty("lbstack.web.train", String.valueOf(variant.train()));
    String runJre = System.getProperty("lbstack.image.jre");
    if (variant.jre() != null) {
      System.setProperty("lbstack.image.jre", variant.jre());
    }
    RunningStack stack;
    try {
      stack = StackDefinition.builder().replicas(3).jar(JAR).healthPath("/actuator/health").start();
    } finally {
      System.clearProperty("lbstack.web.jvm-options");
      System.clearProperty("lbstack.web.train");
      if (runJre != null) {
        System.setProperty("lbstack.image.jre", runJre);
      } else {
        System.clearProperty("lbstack.image.jre");
      }
    }
    Ready.await(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword(), stack.redisUri().getHost(),
        stack.redisUri().getPort(), stack.lbUri(), 3, "/actuator/health");
    return stack;
  }

  private static final java.util.regex.Pattern STARTED =
      java.util.regex.Pattern.compile("Started \\w+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

  /** Each replica's JVM start as Spring Boot logs it: from the JVM's launch to the application context's start. */
  private static void jvmStart(RunningStack stack, Samples samples) throws Exception {
    for (var replica : stack.replicas()) {
      String log = Setup.run(List.of("docker", "logs", "lbstack-" + stack.id() + "-" + replica.hostname()));
      java.util.regex.Matcher started = STARTED.matcher(log);
      if (!started.find()) {
        throw new IllegalStateException(replica.hostname() + " logged no start line:\n" + log);
      }
      samples.add(Double.parseDouble(started.group(1)) * 1000);
    }
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
