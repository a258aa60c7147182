package io.github.lbstack.internal.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of one test run: a CA made when the first stack needs TLS, and a server certificate per stack
 * signed by it. The CA's key never leaves this JVM, and it dies with it, so trusting it trusts nothing after the run;
 * clients of the run trust it instead of trusting every certificate.
 */
public final class RunCertificates {

  private static final Duration VALIDITY = Duration.ofDays(7);
  private static final Pattern IP = Pattern.compile("[0-9.]+|.*:.*");
  private static volatile RunCertificates run;

  private final SecureRandom random = new SecureRandom();
  private final KeyPair caKeys;
  private final X500Name caName;
  private final X509Certificate ca;

  private RunCertificates() {
    caKeys = newKeys();
    caName = new X500Name("CN=lbstack test run CA " + Long.toHexString(random.nextLong()));
    ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), notBefore(), notAfter(), caName, caKeys.getPublic()),
        builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
          builder.addExtension(Extension.subjectKeyIdentifier, false,
              new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
        });
  }

  /** The run's CA, made on first use. */
  public static RunCertificates get() {
    RunCertificates current = run;
    if (current == null) {
      synchronized (RunCertificates.class) {
        current = run;
        if (current == null) {
          current = new RunCertificates();
          run = current;
        }
      }
    }
    return current;
  }

  /** A trust store that holds only the run's CA, for the test JVM's clients. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("lbstack-run-ca", ca);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not make a trust store for the lbstack run CA", e);
    }
  }

  public X509Certificate ca() {
    return ca;
  }

  /**
   * A server certificate for these host names and addresses, as a PEM bundle of certificate, CA and key: the form
   * HAProxy's {@code crt} takes.
   *
   * @param name the certificate's common name, e.g. the stack's lb
   * @param hosts names and IP addresses the certificate is valid for
   */
  public String serverPem(String name, List<String> hosts) {
    KeyPair keys = newKeys();
    Set<String> unique = new LinkedHashSet<>(hosts);
    GeneralName[] alternatives = unique.stream().map(host -> new GeneralName(IP.matcher(host).matches()
        ? GeneralName.iPAddress : GeneralName.dNSName, host)).toArray(GeneralName[]::new);
    X509Certificate server = sign(new JcaX509v3CertificateBuilder(caName, serial(), notBefore(), notAfter(),
        new X500Name("CN=" + name), keys.getPublic()), builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
          builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
          builder.addExtension(Extension.authorityKeyIdentifier, false,
              new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
        });
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(server);
      writer.writeObject(ca);
      writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a PEM bundle", e);
    }
    return pem.toString();
  }

  @FunctionalInterface
  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, Extensions extensions) {
    try {
      extensions.add(builder);
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not sign a certificate", e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
    }
  }

  private BigInteger serial() {
    return new BigInteger(64, random).abs().add(BigInteger.ONE);
  }

  /** An hour back: the engine's clock may be a little behind the test JVM's. */
  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(VALIDITY));
  }
}
