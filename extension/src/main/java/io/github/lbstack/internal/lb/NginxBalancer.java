package io.github.lbstack.internal.lb;

import io.github.lbstack.internal.backend.Container;
import java.util.List;
import java.util.Optional;

/** nginx open source: an upstream file rewritten and reloaded, lbstack's own checks and access log. */
final class NginxBalancer implements Balancer {

  private static NginxConfig config(LbSettings settings) {
    return new NginxConfig(settings.balance(), settings.webPort(), settings.healthPath(),
        settings.healthCheck());
  }

  @Override
  public LbConfig generated(LbSettings settings, boolean tls) {
    return config(settings).generated(settings.servers());
  }

  @Override
  public int frontendPort(String source, String text, String backend, int requestedPort) {
    return NginxFile.parse(source, text).frontendPort(backend, requestedPort);
  }

  @Override
  public List<String> certificates(String source, String text) {
    return NginxFile.parse(source, text).certificates();
  }

  @Override
  public LbConfig rewrite(String source, String text, String backend, int port, LbSettings settings) {
    return config(settings).rewrite(NginxFile.parse(source, text), backend, port, settings.servers());
  }

  @Override
  public LbControl control(Container lb, LbConfig config) {
    return new NginxControl(lb, () -> lb.endpoint(config.statsPort()), config.servers(),
        config.healthCheck().timeout());
  }

  @Override
  public boolean needsExec() {
    return true;
  }

  @Override
  public Optional<String> unsupported(boolean stickyCookie, boolean tlsOnGenerated) {
    if (stickyCookie) {
      return Optional.of("stickyCookie = true: nginx open source has no cookie persistence (its 'sticky' directive "
          + "is nginx Plus only); use balance = Balance.SOURCE (ip_hash) or HAProxy");
    }
    if (tlsOnGenerated) {
      return Optional.of("@Lb(tls = true): lbstack's generated nginx.conf has no TLS; for a TLS test on nginx, use "
          + "your own nginx.conf with 'listen 8443 ssl' and ssl_certificate lines (lbstack puts the stack's "
          + "certificate there), or HAProxy");
    }
    return Optional.empty();
  }
}
