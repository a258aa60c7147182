package io.github.lbstack.internal.core.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When each step of a stack's start happened, from the launch on: images, network, and each container's start,
 * running and ready; then what happened to it while it ran (drills, faults, rollout steps, scaling). It goes into
 * the failure evidence and the run report, to show where the time went and what a latency chart lived through.
 */
public final class Timeline {

  /** One step: a service (or {@code "stack"}) reached a phase this many milliseconds after the launch. */
  public record Mark(String service, String phase, long millis) {}

  /**
   * Something done to the running stack.
   *
   * @param nanos when, on {@link System#nanoTime()}'s clock, which request samples share
   * @param kind {@code drill}, {@code fault}, {@code rollout} or {@code scale}
   * @param what such as {@code "kill web-2"}
   */
  public record Event(long nanos, String kind, String what) {}

  private final long startNanos = System.nanoTime();
  private final Instant startInstant = Instant.now();
  private final List<Mark> marks = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  /** When the launch began, on {@link System#nanoTime()}'s clock. */
  public long startNanos() {
    return startNanos;
  }

  public void event(String kind, String what) {
    synchronized (events) {
      events.add(new Event(System.nanoTime(), kind, what));
    }
  }

  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** One line per event of this kind, with its wall-clock time to match the containers' logs, for a text file. */
  public String renderEvents(String kind) {
    StringBuilder text = new StringBuilder();
    for (Event event : events()) {
      if (event.kind().equals(kind)) {
        text.append(startInstant.plusNanos(event.nanos() - startNanos)).append(' ').append(event.what()).append('\n');
      }
    }
    return text.toString();
  }

  public void mark(String service, String phase) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    synchronized (marks) {
      marks.add(new Mark(service, phase, millis));
    }
  }

  public List<Mark> marks() {
    synchronized (marks) {
      return List.copyOf(marks);
    }
  }

  /**
   * The same marks as a table for the log: one row per container with when it was asked to start, ran and was
   * ready, then the stack's own steps on one line. The critical path is the row whose "ready" is latest.
   */
  public String table() {
    java.util.Map<String, long[]> services = new java.util.LinkedHashMap<>();
    List<String> steps = new ArrayList<>();
    for (Mark mark : marks()) {
      if (mark.service().equals("stack")) {
        steps.add(mark.phase() + " " + mark.millis());
        continue;
      }
      long[] row = services.computeIfAbsent(mark.service(), key -> new long[] {-1, -1, -1});
      switch (mark.phase()) {
        case "create and start" -> row[0] = mark.millis();
        case "running" -> row[1] = mark.millis();
        case "ready" -> row[2] = mark.millis();
        default -> { }
      }
    }
    StringBuilder text = new StringBuilder(String.format("  %-8s %8s %8s %8s   (ms from launch)%n", "service",
        "start", "running", "ready"));
    services.forEach((service, row) -> text.append(String.format("  %-8s %8s %8s %8s%n", service, shown(row[0]),
        shown(row[1]), shown(row[2]))));
    text.append("  stack: ").append(String.join(", ", steps));
    return text.toString();
  }

  private static String shown(long millis) {
    return millis < 0 ? "-" : Long.toString(millis);
  }

  /** One line per mark, for a text file. */
  public String render() {
    StringBuilder text = new StringBuilder();
    for (Mark mark : marks()) {
      text.append(String.format("%7d ms  %-8s %s%n", mark.millis(), mark.service(), mark.phase()));
    }
    return text.toString();
  }
}
