package io.github.lbstack;

import io.restassured.specification.RequestSpecification;
import java.net.URI;

/** One web replica of a {@link RunningStack}. */
public interface Replica {

  /** Position of this replica, starting at 1; it matches the hostname {@code web-<index>}. */
  int index();

  /** The hostname the app sees as its own, and the value of the load balancer's {@code X-Served-By} header. */
  String hostname();

  /** Address of this replica's port on the host, bypassing the load balancer. */
  URI uri();

  /** A new request specification that goes straight to this replica, bypassing the load balancer. */
  RequestSpecification spec();

  /** Everything this replica's container has written to stdout and stderr so far. */
  String logs();
}
