package io.github.lbstack.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class RunCertificatesTest {

  private final RunCertificates run = RunCertificates.get();

  @Test
  void aStacksCertificateIsSignedByTheRunsCaForTheNamesGiven() throws Exception {
    String pem = run.serverPem("lbstack-ab12cd34-lb", List.of("localhost", "127.0.0.1", "::1", "lb", "10.252.0.2"));

    List<X509Certificate> chain = certificates(pem);
    assertThat(chain).hasSize(2);
    X509Certificate server = chain.get(0);
    assertThat(chain.get(1)).isEqualTo(run.ca());
    server.verify(run.ca().getPublicKey());
    assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=lbstack-ab12cd34-lb");
    assertThat(server.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
        .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "lb", "10.252.0.2");
    assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(pem).contains("-----BEGIN PRIVATE KEY-----");
    assertThat(RunCertificates.get()).as("one CA per run").isSameAs(run);
  }

  @Test
  void theTrustStoreTrustsTheRunsCertificatesAndNoOthers() throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(run.trustStore());
    X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];

    assertThat(trust.getAcceptedIssuers()).containsExactly(run.ca());
    trust.checkServerTrusted(certificates(run.serverPem("lb", List.of("localhost"))).toArray(X509Certificate[]::new),
        "ECDHE_ECDSA");
    assertThat(run.trustStore().size()).isEqualTo(1);
    X509Certificate stranger = certificates(selfSigned()).get(0);
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {stranger}, "ECDHE_ECDSA"))
        .isInstanceOf(java.security.cert.CertificateException.class);
  }

  /** A certificate from another CA: another run's, made by a second instance. */
  private static String selfSigned() throws Exception {
    java.lang.reflect.Constructor<RunCertificates> other = RunCertificates.class.getDeclaredConstructor();
    other.setAccessible(true);
    return other.newInstance().serverPem("elsewhere", List.of("localhost"));
  }

  /** The certificates of a PEM bundle; the JDK's parser stops at the key block, so that is left out. */
  private static List<X509Certificate> certificates(String pem) throws Exception {
    String certificates = pem.substring(0, pem.contains("-----BEGIN PRIVATE KEY-----")
        ? pem.indexOf("-----BEGIN PRIVATE KEY-----") : pem.length());
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(certificates.getBytes(StandardCharsets.US_ASCII))).stream()
        .map(X509Certificate.class::cast).toList();
  }
}
