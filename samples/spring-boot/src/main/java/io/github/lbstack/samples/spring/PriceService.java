package io.github.lbstack.samples.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** An expensive computation, cached in Redis: whichever replica computes it first, every replica serves that result. */
@Service
class PriceService {

  private final AtomicInteger computed = new AtomicInteger();

  @Cacheable("prices")
  public String price(String product) {
    computed.incrementAndGet();
    return product + " costs " + (Math.abs(product.hashCode()) % 100 + 1) + " EUR, computed by "
        + ServedBy.hostname();
  }

  /** How often this replica computed a price. */
  int computed() {
    return computed.get();
  }
}
