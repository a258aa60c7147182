package io.github.lbstack.internal.backend;

/** A stack's private network; closing removes it. */
public interface NetworkHandle extends AutoCloseable {

  String id();

  String name();

  @Override
  void close();
}
