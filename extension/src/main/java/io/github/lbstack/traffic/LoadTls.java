package io.github.lbstack.traffic;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An SSL context that trusts the run's CA and nothing else, as the lb's REST-assured specifications do. */
final class LoadTls {

  private LoadTls() {}

  static SSLContext trusting(KeyStore trust) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("lbstack could not trust the run's CA: " + e.getMessage(), e);
    }
  }
}
