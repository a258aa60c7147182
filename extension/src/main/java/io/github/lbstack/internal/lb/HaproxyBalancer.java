package io.github.lbstack.internal.lb;

import io.github.lbstack.internal.backend.Container;
import java.util.List;
import java.util.Optional;

/** HAProxy: slots flipped through its Runtime API, states and counters from its stats page. */
final class HaproxyBalancer implements Balancer {

  private static HaproxyConfig config(LbSettings settings) {
    String keyword = switch (settings.balance()) {
      case "LEAST_CONN" -> "leastconn";
      case "SOURCE" -> "source";
      default -> "roundrobin";
    };
    return new HaproxyConfig(keyword, settings.stickyCookie(), settings.healthPath(), settings.healthCheck(),
        settings.servers());
  }

  @Override
  public LbConfig generated(LbSettings settings, boolean tls) {
    return config(settings).generated(tls);
  }

  @Override
  public int frontendPort(String source, String text, String backend, int requestedPort) {
    return HaproxyFile.parse(source, text).frontendPort(backend, requestedPort);
  }

  @Override
  public List<String> certificates(String source, String text) {
    return HaproxyFile.parse(source, text).certificates();
  }

  @Override
  public LbConfig rewrite(String source, String text, String backend, int port, LbSettings settings) {
    return config(settings).rewrite(HaproxyFile.parse(source, text), backend, port);
  }

  @Override
  public LbControl control(Container lb, LbConfig config) {
    return new HaproxyControl(config.backend(), () -> lb.endpoint(config.statsPort()),
        () -> lb.endpoint(config.runtimeApiPort()));
  }

  @Override
  public boolean needsExec() {
    return false;
  }

  @Override
  public Optional<String> unsupported(boolean stickyCookie, boolean tlsOnGenerated) {
    return Optional.empty();
  }
}
