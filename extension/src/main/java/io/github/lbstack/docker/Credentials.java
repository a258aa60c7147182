package io.github.lbstack.docker;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random database name, user and password for one stack, so no two stacks (or runs) share secrets. */
record Credentials(String database, String user, String password) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Credentials random() {
    return new Credentials("db_" + hex(4), "u_" + hex(4), hex(12));
  }

  static String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
