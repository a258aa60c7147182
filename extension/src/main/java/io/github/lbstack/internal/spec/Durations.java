package io.github.lbstack.internal.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses durations of configuration parameters: ISO-8601 ({@code PT90S}) or a bare number in a default unit. */
public final class Durations {

  private Durations() {}

  /**
   * @param bareUnitMillis what a bare number means, in milliseconds (1000 for seconds)
   * @return empty when the value cannot be read, so the caller can log it and keep its default
   */
  public static Optional<Duration> parse(String value, long bareUnitMillis) {
    String trimmed = value.trim();
    try {
      if (trimmed.matches("\\d+")) {
        return Optional.of(Duration.ofMillis(Long.parseLong(trimmed) * bareUnitMillis));
      }
      return Optional.of(Duration.parse(trimmed));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
