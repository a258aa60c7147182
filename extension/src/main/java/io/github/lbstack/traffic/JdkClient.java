package io.github.lbstack.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One traffic client on the JDK's HTTP client, for traffic through a stack's lb. REST-assured builds a specification,
 * a Groovy call chain and a new connection for each request; on a test JVM that runs C1 only (as the README advises)
 * that was three quarters of the JVM's sampled CPU time in lbstack's own suite, taken from the replicas on the same
 * cores. This client keeps its connection and sends the same request each time, and keeps no cookies.
 */
final class JdkClient implements Supplier<Served> {

  /** Headers the JDK's client refuses to be given; traffic that sets one goes through REST-assured instead. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final HttpRequest request;
  private final String identityHeader;
  private final UnaryOperator<String> versionOf;
  private final int number;

  /**
   * @param trust the CA to trust over HTTPS, or {@code null} for plain HTTP
   * @param number the client's number, from 1
   */
  JdkClient(URI uri, Map<String, String> headers, KeyStore trust, String identityHeader,
      UnaryOperator<String> versionOf, int number) {
    // No cookie handler: cookies are not kept, as REST-assured keeps none without a cookie filter.
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT);
    if (trust != null) {
      builder.sslContext(LoadTls.trusting(trust));
    }
    this.http = builder.build();
    HttpRequest.Builder get = HttpRequest.newBuilder(uri).GET();
    headers.forEach(get::header);
    this.request = get.build();
    this.identityHeader = identityHeader;
    this.versionOf = versionOf;
    this.number = number;
  }

  /** {@return whether this client can send these headers as given} */
  static boolean canSend(Map<String, String> headers) {
    return headers.keySet().stream().noneMatch(name -> RESTRICTED.contains(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Served get() {
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      long latency = System.nanoTime() - start;
      String replica = response.headers().firstValue(identityHeader).orElse(null);
      return Traffic.answered(replica, response.statusCode(), identityHeader, start, latency, versionOf, number);
    } catch (IOException e) {
      return Traffic.failed(e, start, number);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Traffic.failed(e, start, number);
    }
  }
}
