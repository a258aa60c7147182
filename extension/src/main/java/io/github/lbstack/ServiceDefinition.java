package io.github.lbstack;

import io.github.lbstack.internal.spec.ServiceDeclaration;
import java.util.List;
import java.util.Objects;

/**
 * Another service of a stack defined in code, the builder's counterpart of {@link Service}:
 * {@code ServiceDefinition.of("broker", "rabbitmq:4", 5672).readyLog("Server startup complete")}.
 * Immutable: each method returns a new definition.
 */
public final class ServiceDefinition {

  private final ServiceDeclaration declaration;

  private ServiceDefinition(ServiceDeclaration declaration) {
    this.declaration = declaration;
  }

  /**
   * See {@link Service#name()}, {@link Service#image()} and {@link Service#port()}.
   *
   * @param name its name on the stack's network
   * @param image its image
   * @param port the port it listens on
   * @return the definition, ready once the port accepts connections
   */
  public static ServiceDefinition of(String name, String image, int port) {
    return new ServiceDefinition(new ServiceDeclaration(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(image, "image"), port, List.of(), List.of(), "", ""));
  }

  /**
   * See {@link Service#env()}.
   *
   * @param env {@code "NAME=value"} entries; replaces earlier ones
   * @return the changed definition
   */
  public ServiceDefinition env(String... env) {
    ServiceDeclaration d = declaration;
    return new ServiceDefinition(new ServiceDeclaration(d.name(), d.image(), d.port(), List.of(env), d.command(),
        d.readyPath(), d.readyLog()));
  }

  /**
   * See {@link Service#command()}.
   *
   * @param command the command and its arguments
   * @return the changed definition
   */
  public ServiceDefinition command(String... command) {
    ServiceDeclaration d = declaration;
    return new ServiceDefinition(new ServiceDeclaration(d.name(), d.image(), d.port(), d.env(), List.of(command),
        d.readyPath(), d.readyLog()));
  }

  /**
   * See {@link Service#readyPath()}.
   *
   * @param path an HTTP path that answers 2xx or 3xx once it is ready
   * @return the changed definition
   */
  public ServiceDefinition readyPath(String path) {
    ServiceDeclaration d = declaration;
    return new ServiceDefinition(new ServiceDeclaration(d.name(), d.image(), d.port(), d.env(), d.command(),
        Objects.requireNonNull(path, "path"), d.readyLog()));
  }

  /**
   * See {@link Service#readyLog()}.
   *
   * @param text a text its log shows once it is ready
   * @return the changed definition
   */
  public ServiceDefinition readyLog(String text) {
    ServiceDeclaration d = declaration;
    return new ServiceDefinition(new ServiceDeclaration(d.name(), d.image(), d.port(), d.env(), d.command(),
        d.readyPath(), Objects.requireNonNull(text, "text")));
  }

  static ServiceDefinition of(Service annotation) {
    return new ServiceDefinition(new ServiceDeclaration(annotation.name(), annotation.image(), annotation.port(),
        List.of(annotation.env()), List.of(annotation.command()), annotation.readyPath(), annotation.readyLog()));
  }

  ServiceDeclaration declaration() {
    return declaration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServiceDefinition definition && declaration.equals(definition.declaration);
  }

  @Override
  public int hashCode() {
    return declaration.hashCode();
  }

  @Override
  public String toString() {
    return "ServiceDefinition" + declaration.toString().substring("ServiceDeclaration".length());
  }
}
