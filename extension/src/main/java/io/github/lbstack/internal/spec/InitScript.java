package io.github.lbstack.internal.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A script the database runs once before the replicas start. Its content's hash is part of the value, so an edited
 * script makes another spec: a shared or kept stack made with the old one is not taken for it.
 *
 * @param path the script, absolute
 * @param sha256 of its content when the spec was made
 */
public record InitScript(Path path, String sha256) {

  /** What the database image's {@code /docker-entrypoint-initdb.d} runs; anything else it would skip. */
  public static final List<String> SUFFIXES = List.of(".sql", ".sql.gz", ".sql.xz", ".sh");

  public InitScript {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }

  static InitScript of(Path path) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
      return new InitScript(path, HexFormat.of().formatHex(digest));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /**
   * Where the script goes in the database container: a number keeps the order given, since the image runs the
   * directory in name order.
   *
   * @param position 0-based position in the definition
   */
  public String containerPath(int position) {
    return String.format("/docker-entrypoint-initdb.d/%02d-%s", position + 1, path.getFileName());
  }
}
