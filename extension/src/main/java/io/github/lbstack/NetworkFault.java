package io.github.lbstack;

/** A network fault in force on a replica ({@link Replica#network()}); closing it reverts it, once. */
public interface NetworkFault extends AutoCloseable {

  /** {@return what the fault does and where, such as {@code "30% packet loss to mysql on web-2"}} */
  String description();

  /** Reverts the fault; nothing happens when it is reverted already, or its replica is gone. */
  @Override
  void close();
}
