package io.github.lbstack.internal.core.containers;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a JVM records the classes it loads and starts from them later: a dynamic CDS archive (Java 13 and later), or
 * from Java 25 the AOT cache (JEP 483 and 514), which also keeps the classes linked and the method profiles.
 */
enum ClassArchive {
  CDS("app.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile="),
  AOT("app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=");

  /** The version JRE images state, as Eclipse Temurin's do: {@code JAVA_VERSION=jdk-25.0.1+8}. */
  private static final Pattern VERSION = Pattern.compile("^(?:jdk-?)?(\\d+)");

  private final String file;
  private final String recordOption;
  private final String useOption;

  ClassArchive(String file, String recordOption, String useOption) {
    this.file = file;
    this.recordOption = recordOption;
    this.useOption = useOption;
  }

  /** {@return the archive for a JRE image with this environment: the AOT cache from Java 25, else CDS} */
  static ClassArchive forImage(Map<String, String> env) {
    Matcher version = VERSION.matcher(env.getOrDefault("JAVA_VERSION", ""));
    return version.find() && Integer.parseInt(version.group(1)) >= 25 ? AOT : CDS;
  }

  /** {@return whether a JVM option cannot go with the AOT cache's (the JVM refuses to start with both)} */
  static boolean conflictsWithAot(String option) {
    return option.startsWith("-Xshare:") || option.startsWith("-XX:SharedArchiveFile")
        || option.startsWith("-XX:SharedClassListFile") || option.startsWith("-XX:DumpLoadedClassList")
        || option.startsWith("-XX:AOT")
        || option.startsWith("-XX:ArchiveClassesAtExit");
  }

  String file() {
    return file;
  }

  /** {@return where a recording replica writes it} */
  String recording() {
    return "/tmp/lbstack-" + file;
  }

  /** {@return where a trained image has it} */
  String inImage() {
    return "/app/" + file;
  }

  String recordOption() {
    return recordOption + recording();
  }

  String useOption() {
    return useOption + inImage();
  }
}
