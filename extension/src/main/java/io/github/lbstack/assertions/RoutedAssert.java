package io.github.lbstack.assertions;

import io.github.lbstack.traffic.Routed;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on where the lb sent one request: its backend, its replica, its answer. */
public class RoutedAssert extends AbstractAssert<RoutedAssert, Routed> {

  RoutedAssert(Routed actual) {
    super(actual, RoutedAssert.class);
  }

  /**
   * The lb routed the request to this backend of its config.
   *
   * @param backend the backend's name in the config
   * @return this assertion, for chaining
   */
  public RoutedAssert wentTo(String backend) {
    isNotNull();
    if (!Objects.equals(actual.backend(), backend)) {
      failWithMessage("Expected %s to go to backend <%s>, but: %s", actual.request(), backend, actual);
    }
    return this;
  }

  /**
   * No backend got the request: the lb's frontend answered it itself (a redirect, a deny, a return).
   *
   * @return this assertion, for chaining
   */
  public RoutedAssert wasAnsweredByTheLb() {
    isNotNull();
    if (actual.backend() != null) {
      failWithMessage("Expected %s to be answered by the lb's frontend, but: %s", actual.request(), actual);
    }
    return this;
  }

  /**
   * One of the app's replicas served the request.
   *
   * @return this assertion, for chaining
   */
  public RoutedAssert wasServedByAReplica() {
    isNotNull();
    if (actual.replica() == null) {
      failWithMessage("Expected %s to be served by a replica, but: %s", actual.request(), actual);
    }
    return this;
  }

  /**
   * No replica served the request: another backend, or the lb, answered it.
   *
   * @return this assertion, for chaining
   */
  public RoutedAssert wasServedByNoReplica() {
    isNotNull();
    if (actual.replica() != null) {
      failWithMessage("Expected %s to be served by no replica, but: %s", actual.request(), actual);
    }
    return this;
  }

  /**
   * @param status the expected HTTP status
   * @return this assertion, for chaining
   */
  public RoutedAssert hasStatus(int status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("Expected %s to answer %s, but: %s", actual.request(), status, actual);
    }
    return this;
  }

  /**
   * The answer redirects to this location.
   *
   * @param location the expected {@code Location} header, or its start when it ends with {@code *}
   * @return this assertion, for chaining
   */
  public RoutedAssert redirectsTo(String location) {
    isNotNull();
    boolean prefix = location.endsWith("*");
    String expected = prefix ? location.substring(0, location.length() - 1) : location;
    boolean matches = actual.location() != null && (prefix ? actual.location().startsWith(expected)
        : actual.location().equals(expected));
    if (actual.status() < 300 || actual.status() > 399 || !matches) {
      failWithMessage("Expected %s to redirect to <%s>, but: %s", actual.request(), location, actual);
    }
    return this;
  }
}
