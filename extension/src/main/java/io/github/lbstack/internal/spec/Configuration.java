package io.github.lbstack.internal.spec;

import io.github.lbstack.internal.Log;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Reads lbstack's settings from one source: JUnit's configuration parameters inside a test run (which fall back to
 * system properties), or system properties for stacks started from code. A malformed value is logged with its key
 * and ignored, as JUnit does for its own settings.
 */
public final class Configuration {

  private static final Logger LOG = Log.LBSTACK;

  private final Function<String, Optional<String>> source;

  public Configuration(Function<String, Optional<String>> source) {
    this.source = source;
  }

  public static Configuration systemProperties() {
    return new Configuration(key -> Optional.ofNullable(System.getProperty(key)));
  }

  /** The trimmed value, or empty when unset or blank. */
  public Optional<String> string(String key) {
    return source.apply(key).map(String::trim).filter(value -> !value.isEmpty());
  }

  /** @param bareUnitMillis what a bare number means, in milliseconds (1000 for seconds) */
  public Duration duration(String key, long bareUnitMillis, Duration fallback) {
    return string(key).map(value -> Durations.parse(value, bareUnitMillis).orElseGet(() -> {
      LOG.warn("lbstack: ignoring configuration parameter {} = '{}': not a duration such as PT90S; using {}", key,
          value, fallback);
      return fallback;
    })).orElse(fallback);
  }

  /** {@code true} or {@code false}; anything else is logged and ignored. */
  public boolean bool(String key, boolean fallback) {
    return string(key).map(value -> {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      LOG.warn("lbstack: ignoring configuration parameter {} = '{}': not true or false; using {}", key, value,
          fallback);
      return fallback;
    }).orElse(fallback);
  }

  /** One of a fixed set of values; anything else is logged with the allowed ones and ignored. */
  public <T> T choice(String key, Function<String, Optional<T>> parse, List<String> allowed, T fallback) {
    return string(key).map(value -> parse.apply(value).orElseGet(() -> {
      LOG.warn("lbstack: ignoring configuration parameter {} = '{}': use one of {}; using {}", key, value, allowed,
          fallback);
      return fallback;
    })).orElse(fallback);
  }

  /** A comma-separated list; blank entries are dropped. */
  public List<String> list(String key, List<String> fallback) {
    return string(key).map(value -> Arrays.stream(value.split(",")).map(String::trim)
        .filter(entry -> !entry.isEmpty()).toList()).orElse(fallback);
  }
}
