package io.github.lbstack.docker;

import io.github.lbstack.Replica;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

final class DockerReplica implements Replica {

  private final int index;
  private final Service service;
  private final int containerPort;

  DockerReplica(int index, Service service, int containerPort) {
    this.index = index;
    this.service = service;
    this.containerPort = containerPort;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String hostname() {
    return service.name();
  }

  @Override
  public URI uri() {
    return URI.create("http://" + service.container().getHost() + ":"
        + service.container().getMappedPort(containerPort));
  }

  @Override
  public RequestSpecification spec() {
    return new RequestSpecBuilder()
        .setBaseUri("http://" + service.container().getHost())
        .setPort(service.container().getMappedPort(containerPort))
        .build();
  }

  @Override
  public String logs() {
    return service.logs();
  }

  @Override
  public String toString() {
    return hostname() + " (" + uri() + ")";
  }
}
