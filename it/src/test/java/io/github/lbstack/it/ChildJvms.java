package io.github.lbstack.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test runs in JVMs of their own, as a developer's or a CI job's next run would be, with this run's images, app
 * jar and backend handed on.
 */
public final class ChildJvms {

  private ChildJvms() {}

  /** The command that runs {@code main} with this JVM's classpath and lbstack settings. */
  public static List<String> command(Class<?> main, String... args) {
    // The same JIT and collector as the test JVM (the build's argLine): a child waits on containers, like its parent.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
    List<String> handedOn = new ArrayList<>(ItImages.PROPERTIES);
    handedOn.addAll(List.of(ItImages.APP_JAR_PROPERTY, "lbstack.backend"));
    for (String key : handedOn) {
      if (System.getProperty(key) != null) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** A child JVM holding a stack ({@code HoldStack}), and what it printed first. */
  public record Holder(Process process, String stackId, String lbUri) {}

  /**
   * How long a child may take to print {@code UP}: its own start-up timeout (2 minutes by default) bounds a stack that
   * does not get ready; this bounds a child stuck anyway, so the reading below cannot block without end.
   */
  private static final long HOLD_BOUND_MINUTES = 5;

  /** Starts {@code main} and returns once it prints {@code UP <stack id> <lb URI>}. */
  public static Holder hold(Class<?> main, String... args) throws Exception {
    Process process = new ProcessBuilder(command(main, args)).redirectErrorStream(true).start();
    AtomicBoolean up = new AtomicBoolean();
    AtomicBoolean stuck = new AtomicBoolean();
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(HOLD_BOUND_MINUTES, TimeUnit.MINUTES) && !up.get()) {
          // Ends the child, so its output ends and the loop below reports what it printed.
          stuck.set(true);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> output = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      output.add(line);
      if (line.startsWith("UP ")) {
        up.set(true);
        String[] parts = line.split(" ");
        // Keep draining its output, or the child blocks once the pipe is full.
        Thread drain = new Thread(() -> {
          try {
            lines.lines().forEach(ignored -> { });
          } catch (java.io.UncheckedIOException closedWhenTheChildEnded) {
            // Nothing more to drain.
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Holder(process, parts[1], parts[2]);
      }
    }
    throw new AssertionError((stuck.get() ? "the child JVM printed no UP within " + HOLD_BOUND_MINUTES
        + " minutes and was ended" : "the child JVM exited without a stack") + ":\n" + String.join("\n", output));
  }
}
