package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.spec.WebEnvironment;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random names and secrets, so no two stacks (or runs) share a database, a user or a password. */
public final class Credentials {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Credentials() {}

  public static WebEnvironment.Secrets random() {
    return new WebEnvironment.Secrets("db_" + hex(4), "u_" + hex(4), hex(12));
  }

  public static String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
