package io.github.lbstack.it;

import io.github.lbstack.LoadBalancedStack;
import java.util.List;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The images this run was pointed at (the local stand-ins in CI), read from the same keys lbstack reads. */
public final class ItImages {

  public static final List<String> PROPERTIES = List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY,
      LoadBalancedStack.NGINX_IMAGE_PROPERTY,
      LoadBalancedStack.MYSQL_IMAGE_PROPERTY, LoadBalancedStack.POSTGRES_IMAGE_PROPERTY,
      LoadBalancedStack.REDIS_IMAGE_PROPERTY,
      LoadBalancedStack.JRE_IMAGE_PROPERTY, LoadBalancedStack.NETFAULT_IMAGE_PROPERTY);

  private ItImages() {}

  public static String haproxy() {
    return System.getProperty(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, "haproxy:3.2");
  }

  public static String mysql() {
    return System.getProperty(LoadBalancedStack.MYSQL_IMAGE_PROPERTY, "mysql:8.4");
  }

  public static String postgres() {
    return System.getProperty(LoadBalancedStack.POSTGRES_IMAGE_PROPERTY, "postgres:17");
  }

  public static String redis() {
    return System.getProperty(LoadBalancedStack.REDIS_IMAGE_PROPERTY, "redis:7.4");
  }

  public static String jre() {
    return System.getProperty(LoadBalancedStack.JRE_IMAGE_PROPERTY, "eclipse-temurin:17-jre");
  }

  /** Where Failsafe says the it-app jar is (it/pom.xml), for stacks that take the jar from configuration. */
  public static final String APP_JAR_PROPERTY = "it.app.jar";

  /**
   * A test kit run with this run's image overrides, the app jar's path and the report folder, which the kit would
   * otherwise ignore (it reads no -D). With the same report folder its classes join this run's page; without it, a
   * phase that writes its page elsewhere (./run remote-tests) had its fixtures overwrite the main run's page.
   */
  public static EngineTestKit.Builder engine() {
    EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter");
    for (String key : java.util.stream.Stream.concat(PROPERTIES.stream(),
        java.util.stream.Stream.of(APP_JAR_PROPERTY, LoadBalancedStack.REPORT_DIR_PROPERTY)).toList()) {
      String value = System.getProperty(key);
      if (value != null && !value.isBlank()) {
        engine.configurationParameter(key, value);
      }
    }
    return engine;
  }

  /**
   * A test kit run as {@link #engine()}, whose run report and failure evidence go to a folder of their own, for a test
   * that reads them: {@code reports/<fixture class name>/} holds a fixture's evidence.
   */
  public static EngineTestKit.Builder engine(java.nio.file.Path reports) {
    return engine().configurationParameter(LoadBalancedStack.REPORT_DIR_PROPERTY, reports.toString());
  }
}
