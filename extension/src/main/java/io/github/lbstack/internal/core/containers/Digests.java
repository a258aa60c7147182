package io.github.lbstack.internal.core.containers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The hashes image tags are made of: the first hex digits of a SHA-256 over some parts, in order. */
final class Digests {

  private Digests() {}

  static String sha256(int hexDigits, List<byte[]> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      parts.forEach(digest::update);
      return HexFormat.of().formatHex(digest.digest()).substring(0, hexDigits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
