package io.github.lbstack.it.leak;

import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;

/**
 * A JVM that starts a stack and holds it until it is killed, as a test suite does while a class runs. The leak test
 * runs it as a child process; its first line of output is {@code UP <stack id> <lb URI>}.
 */
public final class HoldStack {

  private HoldStack() {}

  public static void main(String[] args) throws InterruptedException {
    RunningStack stack = StackDefinition.builder().replicas(1).jar(args[0]).build().start();
    System.out.println("UP " + stack.id() + " " + stack.lbUri());
    System.out.flush();
    // Time is the subject: the JVM holds the stack until the leak test kills it, however long that takes.
    Thread.sleep(Long.MAX_VALUE);
  }
}
