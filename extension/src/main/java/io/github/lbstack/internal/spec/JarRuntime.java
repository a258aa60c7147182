package io.github.lbstack.internal.spec;

import java.util.List;

/**
 * How lbstack starts the JVM of a jar it runs (a {@code @Web(jar)} web tier, or a {@code Release.jar}).
 *
 * @param jvmOptions options before {@code -jar}; by default the C1 compiler only and the serial collector, since a
 *     test replica lives minutes on a share of a few cores
 * @param train whether the first start of a jar records the classes it loads, so later starts map them from an
 *     archive instead of loading them again
 */
public record JarRuntime(List<String> jvmOptions, boolean train) {

  /** The value that asks for no options at all: the JVM's own defaults (a blank value means the default options). */
  public static final String NONE = "none";

  public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  public JarRuntime {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** {@return the runtime the configuration asks for} */
  static JarRuntime from(Configuration configuration) {
    List<String> options = configuration.string(ConfigKeys.WEB_JVM_OPTIONS)
        .map(value -> value.equals(NONE) ? List.<String>of() : List.of(value.split("\\s+")))
        .orElse(DEFAULT_JVM_OPTIONS);
    for (String option : options) {
      if (!option.startsWith("-")) {
        throw new InvalidSpecException(ConfigKeys.WEB_JVM_OPTIONS + " has '" + option + "', which is not a JVM "
            + "option: each one starts with '-', separated by spaces (for example \"-Xmx256m -XX:+UseSerialGC\"); "
            + "'" + NONE + "' starts the JVM with its own defaults.");
      }
      if (option.equals("-jar") || option.equals("-cp") || option.equals("-classpath")) {
        throw new InvalidSpecException(ConfigKeys.WEB_JVM_OPTIONS + " has '" + option + "': lbstack starts the jar "
            + "itself with -jar; give only JVM options there.");
      }
    }
    return new JarRuntime(options, configuration.bool(ConfigKeys.WEB_TRAIN, true));
  }
}
