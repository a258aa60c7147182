package io.github.lbstack.samples.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first stack of a fresh JVM, as {@code mvn verify} pays it ({@code -Dbench.fresh-jvm-only=true}): a child JVM
 * starts the quickstart stack once and exits, against the same stack started in this JVM after a warm-up round (the
 * figure the other tables give), interleaved. What only the first pays (class loading of the clients, the Docker
 * client's start, image checks) is the difference.
 */
final class FreshJvmBench {

  static final String WARM = "this JVM, warmed (baseline)";
  private static final String READY = "first stack ready in ";

  private FreshJvmBench() {}

  /** The test JVM options the README recommends for a Surefire or Failsafe {@code argLine}, as lbstack's build sets. */
  static final List<String> TEST_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  static Map<String, Samples> measure(int runs) throws Exception {
    Map<String, Samples> figures = new LinkedHashMap<>();
    figures.put("fresh JVM, its defaults: from the JVM's launch", new Samples());
    figures.put("fresh JVM, its defaults: from its first start() call", new Samples());
    figures.put("fresh JVM, " + String.join(" ", TEST_JVM_OPTIONS) + ": from the JVM's launch", new Samples());
    figures.put("fresh JVM, " + String.join(" ", TEST_JVM_OPTIONS) + ": from its first start() call", new Samples());
    figures.put(WARM, new Samples());
    Variant warm = LbstackVariant.standard();
    warm.start().close();
    for (int run = 1; run <= runs; run++) {
      for (List<String> options : List.of(List.<String>of(), TEST_JVM_OPTIONS)) {
        String name = options.isEmpty() ? "its defaults" : String.join(" ", options);
        double[] child = child(options);
        figures.get("fresh JVM, " + name + ": from the JVM's launch").add(child[0]);
        figures.get("fresh JVM, " + name + ": from its first start() call").add(child[1]);
        System.out.printf("run %d fresh JVM (%s) %.2f s (%.2f s from start())%n", run, name, child[0] / 1000,
            child[1] / 1000);
      }
      long start = System.nanoTime();
      Variant.Running running = warm.start();
      figures.get(WARM).add((System.nanoTime() - start) / 1e6);
      running.close();
      System.out.printf("run %d warmed %.2f s%n", run, figures.get(WARM).median() / 1000);
    }
    return figures;
  }

  /** @return milliseconds from the child's launch, and from its start() call, to its stack's ready */
  private static double[] child(List<String> options) throws Exception {
    long spawned = System.nanoTime();
    Process child = new ProcessBuilder(command(options)).redirectErrorStream(true).start();
    double fromLaunch = -1;
    double fromCall = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        output.add(line);
        if (line.startsWith(READY)) {
          fromLaunch = (System.nanoTime() - spawned) / 1e6;
          fromCall = Double.parseDouble(line.substring(READY.length()).replace(" ms", ""));
        }
      }
    }
    if (child.waitFor() != 0 || fromLaunch < 0) {
      throw new IllegalStateException("the fresh JVM's stack did not start (exit " + child.exitValue() + "): "
          + String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size())));
    }
    return new double[] {fromLaunch, fromCall};
  }

  /** The child: one stack, as a test JVM's first, then out. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Variant.Running running = LbstackVariant.standard().start();
    System.out.println(READY + (System.nanoTime() - start) / 1e6 + " ms");
    running.close();
    System.exit(0);
  }

  private static List<String> command(List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("lbstack.") || name.equals("samples.basedir"))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-cp");
    command.add(classpath());
    command.add(FreshJvmBench.class.getName());
    return command;
  }

  /** exec:java runs this in a class loader of the project's classpath, not on java.class.path. */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = FreshJvmBench.class.getClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          entries.add(new File(url.getPath()).getPath());
        }
      }
    }
    return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
  }
}
