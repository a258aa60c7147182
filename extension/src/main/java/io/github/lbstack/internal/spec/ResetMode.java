package io.github.lbstack.internal.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What {@code resetData()} returns a stack's data to ({@code lbstack.reset.mode}). */
public enum ResetMode {
  /** The data as it was when the stack became ready: the app's schema, migrations and seed rows; Redis likewise. */
  SNAPSHOT,
  /** Every table emptied except the kept ones, and Redis flushed: lbstack's behaviour before snapshots. */
  TRUNCATE;

  public static final ResetMode DEFAULT = SNAPSHOT;

  /** The configuration value, such as {@code snapshot}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ResetMode> parse(String value) {
    return Arrays.stream(values()).filter(mode -> mode.key().equalsIgnoreCase(value.trim())).findFirst();
  }
}
