package io.github.lbstack.it.lb;

/** The second backend of the user configs under test: a tiny HTTP server, HAProxy answering "asset" by itself. */
final class AssetsServer {

  /** The service's command, run by {@code sh -c} in the HAProxy image; it listens on 8080. */
  static final String SCRIPT = "printf 'defaults\\n mode http\\n timeout connect 1s\\n timeout client 5s\\n"
      + " timeout server 5s\\nfrontend assets\\n bind :8080\\n http-request return status 200 content-type"
      + " text/plain string asset\\n' > /tmp/assets.cfg && exec haproxy -f /tmp/assets.cfg";

  private AssetsServer() {}
}
