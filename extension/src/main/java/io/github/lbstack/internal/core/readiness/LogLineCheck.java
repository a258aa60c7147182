package io.github.lbstack.internal.core.readiness;

import io.github.lbstack.internal.backend.Container;

/**
 * Ready once the container's log shows a text. A container's log keeps what earlier runs of it wrote, so after a
 * restart only a new occurrence counts: {@link #rebase()} before starting it again.
 */
public final class LogLineCheck implements ReadinessCheck {

  private final Container container;
  private final String text;
  private volatile int seenBefore;

  public LogLineCheck(Container container, String text) {
    this.container = container;
    this.text = text;
  }

  /** From now on, only an occurrence after the ones the log already holds counts. */
  public void rebase() {
    seenBefore = occurrences(container.logs());
  }

  @Override
  public void check() throws NotReadyException {
    if (occurrences(container.logs()) <= seenBefore) {
      throw new NotReadyException("its log does not show \"" + text + "\" yet");
    }
  }

  private int occurrences(String log) {
    int count = 0;
    for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
      count++;
    }
    return count;
  }
}
