package io.github.lbstack.samples.bench;

/** One way of bringing up the quickstart stack: 3 replicas behind HAProxy, MySQL, Redis. */
interface Variant {

  String name();

  /** Starts the stack and returns once {@link Ready} says so. */
  Running start() throws Exception;

  /** A started stack. */
  interface Running {
    /** Adds replicas up to {@code replicas} and returns once the lb serves them all; unsupported by default. */
    default void scaleTo(int replicas) throws Exception {
      throw new UnsupportedOperationException();
    }

    /** Names of its containers, for memory figures. */
    default java.util.List<String> containers() {
      return java.util.List.of();
    }

    /** Removes everything it started. */
    void close() throws Exception;
  }
}
