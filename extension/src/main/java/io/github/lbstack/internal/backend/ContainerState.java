package io.github.lbstack.internal.backend;

/**
 * What the platform says about a container right now.
 *
 * @param exitCode set when the container has exited
 * @param connected whether it is attached to the stack's network
 */
public record ContainerState(Status status, Long exitCode, boolean connected) {

  public enum Status { CREATED, RUNNING, PAUSED, EXITED, MISSING }

  public boolean running() {
    return status == Status.RUNNING;
  }
}
