package io.github.lbstack.internal.lb;

import io.github.lbstack.internal.backend.Container;
import java.util.Optional;

/**
 * A load balancer lbstack can put in front of the replicas: how its configuration is made, generated or from the
 * user's file, and how lbstack drives it once it runs. The engine knows balancers only through this seam, so
 * another one (Envoy, Traefik) is one more implementation and one more {@link LbKind}.
 */
public interface Balancer {

  /** The file lbstack generates; {@code tls} has been ruled in by {@link #unsupported}. */
  LbConfig generated(LbSettings settings, boolean tls);

  /**
   * The port of the user's file that the clients use.
   *
   * @param source the file as the user named it, for messages
   * @throws IllegalArgumentException saying what is wrong with the file and how to fix it
   */
  int frontendPort(String source, String text, String backend, int requestedPort);

  /** Where the user's file reads TLS certificates from; lbstack puts the stack's there. */
  java.util.List<String> certificates(String source, String text);

  /** The user's file with lbstack's replicas and what it needs put in. */
  LbConfig rewrite(String source, String text, String backend, int port, LbSettings settings);

  /** lbstack's control of a running lb. */
  LbControl control(Container lb, LbConfig config);

  /** Whether the control runs commands in the lb's container ({@link Container#exec}). */
  boolean needsExec();

  /**
   * What this balancer cannot do of a definition, as the end of a sentence ("stickyCookie = true: ..."), or empty.
   */
  Optional<String> unsupported(boolean stickyCookie, boolean tlsOnGenerated);
}
