package io.github.lbstack.traffic;

/**
 * One request of a traffic run.
 *
 * @param replica the replica that served it, or {@code null} when it failed before a replica answered
 * @param status the HTTP status, or 0 when no response came
 * @param error why it failed ({@code "503"}, an exception), or {@code null} for a success
 * @param startNanos when it was sent, on {@link System#nanoTime()}'s clock
 * @param latencyNanos how long it took, to the response's headers (REST-assured reads the body lazily)
 * @param version the version the replica ran ({@code Replica.version()}), or {@code null} when unknown: the
 *     request failed, or the traffic did not go through a stack
 * @param client which of the run's clients sent it, from 1 ({@code Traffic.clients(n)}), or 0 when unknown
 */
public record Served(String replica, int status, String error, long startNanos, long latencyNanos, String version,
    int client) {

  /**
   * A request of no known client.
   *
   * @param replica the replica that served it, or {@code null}
   * @param status the HTTP status, or 0
   * @param error why it failed, or {@code null}
   * @param startNanos when it was sent
   * @param latencyNanos how long it took
   * @param version the version the replica ran, or {@code null}
   */
  public Served(String replica, int status, String error, long startNanos, long latencyNanos, String version) {
    this(replica, status, error, startNanos, latencyNanos, version, 0);
  }

  /**
   * A request of no known version.
   *
   * @param replica the replica that served it, or {@code null}
   * @param status the HTTP status, or 0
   * @param error why it failed, or {@code null}
   * @param startNanos when it was sent
   * @param latencyNanos how long it took
   */
  public Served(String replica, int status, String error, long startNanos, long latencyNanos) {
    this(replica, status, error, startNanos, latencyNanos, null, 0);
  }

  /** {@return whether the request failed: a status outside 2xx/3xx, an exception, or no replica named} */
  public boolean failed() {
    return error != null;
  }

  /**
   * A successful request, for distributions built by hand (tests of assertions, for example).
   *
   * @param replica the replica's hostname, such as {@code "web-2"}
   * @return a successful request, for distributions built by hand (tests of assertions, for example)
   */
  public static Served ok(String replica) {
    return new Served(replica, 200, null, 0, 0);
  }
}
