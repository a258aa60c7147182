package io.github.lbstack.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * When each step of a stack's start happened, from the launch on: images, network, and each container's start,
 * running and ready. It goes into the failure evidence and the run report, to show where the time went.
 */
public final class Timeline {

  /** One step: a service (or {@code "stack"}) reached a phase this many milliseconds after the launch. */
  public record Mark(String service, String phase, long millis) {}

  private final long startNanos = System.nanoTime();
  private final List<Mark> marks = new ArrayList<>();

  void mark(String service, String phase) {
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

  /** One line per mark, for a text file. */
  public String render() {
    StringBuilder text = new StringBuilder();
    for (Mark mark : marks()) {
      text.append(String.format("%7d ms  %-8s %s%n", mark.millis(), mark.service(), mark.phase()));
    }
    return text.toString();
  }
}
