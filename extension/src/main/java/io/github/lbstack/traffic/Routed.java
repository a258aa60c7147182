package io.github.lbstack.traffic;

import java.util.Optional;

/**
 * One request sent through the lb, and where the lb sent it: which backend of its config, and which replica.
 *
 * @param request the method and path, for messages, such as {@code "GET /static/logo.png"}
 * @param status the HTTP status of the answer
 * @param backend the backend the lb routed it to; {@code null} when no backend got it (the frontend answered
 *     itself: a redirect, a deny)
 * @param replica the replica that served it ({@code X-Served-By}); {@code null} when none did
 * @param location the {@code Location} header of the answer; {@code null} when it has none
 */
public record Routed(String request, int status, String backend, String replica, String location) {

  /** {@return the backend the lb routed the request to, if any} */
  public Optional<String> backendName() {
    return Optional.ofNullable(backend);
  }

  /** {@return the replica that served the request, if one did} */
  public Optional<String> replicaName() {
    return Optional.ofNullable(replica);
  }

  @Override
  public String toString() {
    return request + " -> " + status + (backend == null ? ", answered by the lb's frontend" : ", backend " + backend)
        + (replica == null ? "" : ", served by " + replica) + (location == null ? "" : ", Location " + location);
  }
}
