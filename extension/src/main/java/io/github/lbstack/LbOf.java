package io.github.lbstack;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Rides on the request specification {@link RunningStack#lb()} returns, so that whoever is handed only that
 * specification ({@code Traffic.through(spec)}) can still ask the stack behind it which replicas are in rotation.
 * It passes every request on unchanged.
 */
public final class LbOf implements Filter {

  private final RunningStack stack;

  LbOf(RunningStack stack) {
    this.stack = stack;
  }

  /** {@return the stack whose load balancer the specification points at} */
  public RunningStack stack() {
    return stack;
  }

  @Override
  public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
      FilterContext context) {
    return context.next(request, response);
  }
}
