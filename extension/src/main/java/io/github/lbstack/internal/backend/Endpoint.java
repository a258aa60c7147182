package io.github.lbstack.internal.backend;

import java.net.URI;

/** Where the test JVM reaches a published container port. */
public record Endpoint(String host, int port) {

  public URI http(String path) {
    return URI.create("http://" + host + ":" + port + path);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
