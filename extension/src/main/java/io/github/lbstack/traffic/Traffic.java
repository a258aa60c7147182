package io.github.lbstack.traffic;

import static io.restassured.RestAssured.given;

import io.github.lbstack.lb.HaproxyConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;

/** Sends requests through a load balancer and records which replica served each. */
public final class Traffic {

  private final RequestSpecification spec;
  private String path = "/";
  private String identityHeader = HaproxyConfig.SERVED_BY_HEADER;

  private Traffic(RequestSpecification spec) {
    this.spec = spec;
  }

  /** Traffic through the given specification, usually the injected load balancer one. */
  public static Traffic through(RequestSpecification spec) {
    return new Traffic(spec);
  }

  /** The path to GET; default {@code /}. */
  public Traffic path(String path) {
    this.path = path;
    return this;
  }

  /** The response header that names the replica; default the lb's {@code X-Served-By}. */
  public Traffic identifiedBy(String header) {
    this.identityHeader = header;
    return this;
  }

  /**
   * Sends {@code count} GET requests one after another.
   *
   * @throws AssertionError when a response is not 2xx or lacks the identity header
   */
  public Distribution send(int count) {
    List<String> servedBy = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Response response = given(spec).get(path);
      String replica = response.getHeader(identityHeader);
      if (response.statusCode() >= 300 || replica == null) {
        throw new AssertionError("request " + (i + 1) + " of " + count + " to " + path + " answered "
            + response.statusCode() + (replica == null ? " without a " + identityHeader + " header" : "")
            + "; served so far: " + servedBy);
      }
      servedBy.add(replica);
    }
    return new Distribution(servedBy);
  }
}
