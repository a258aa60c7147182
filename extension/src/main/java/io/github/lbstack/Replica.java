package io.github.lbstack;

import io.restassured.specification.RequestSpecification;
import java.net.URI;

/** One web replica of a {@link RunningStack}. */
public interface Replica {

  /** {@return position of this replica, starting at 1; it matches the hostname {@code web-<index>}} */
  int index();

  /** {@return the hostname the app sees as its own, and the value of the load balancer's {@code X-Served-By} header} */
  String hostname();

  /**
   * {@return the label of the version this replica runs: {@code @Web(version)}, or a rolled-out
   * {@link Release#version(String)}; by default the image}
   */
  String version();

  /** {@return the address of this replica's port on the host, bypassing the load balancer} */
  URI uri();

  /** {@return a new request specification that goes straight to this replica, bypassing the load balancer} */
  RequestSpecification spec();

  /** {@return everything this replica's container has written to stdout and stderr so far} */
  String logs();

  /** {@return the lb's view of this replica: {@code UP}, {@code DOWN}, {@code MAINT}, {@code DRAIN}} */
  String lbStatus();

  // Fault drills. Each returns at once, and returns this replica, so that waiting is one more call:
  // replica.kill().awaitDown(). Waits use lbstack.startup.timeout.

  /**
   * Kills the container (SIGKILL). {@link #start()} brings it back.
   *
   * @return this replica, for chaining
   */
  Replica kill();

  /**
   * Stops the container gracefully (SIGTERM, then SIGKILL after 10 s).
   *
   * @return this replica, for chaining
   */
  Replica stop();

  /**
   * Starts a killed or stopped container again.
   *
   * @return this replica, for chaining
   */
  Replica start();

  /**
   * Restarts the container.
   *
   * @return this replica, for chaining
   */
  Replica restart();

  /**
   * Freezes every process of the container: it keeps its connections but answers nothing.
   *
   * @return this replica, for chaining
   */
  Replica pause();

  /**
   * Lets a paused replica run on.
   *
   * @return this replica, for chaining
   */
  Replica unpause();

  /**
   * Takes the container off the stack network: the lb can no longer reach it.
   *
   * @return this replica, for chaining
   */
  Replica disconnect();

  /**
   * Puts the container back on the stack network, under its hostname.
   *
   * @return this replica, for chaining
   */
  Replica reconnect();

  /**
   * This replica's network, to put a fault on: packet loss, a partition, a bandwidth limit, on all its traffic or on
   * one link ({@code network().to("mysql")}). See {@link ReplicaNetwork}.
   *
   * @return the replica's network
   */
  ReplicaNetwork network();

  /**
   * Waits until the lb has taken this replica out of rotation (any status but {@code UP}).
   *
   * @return this replica, for chaining
   */
  Replica awaitDown();

  /**
   * Waits until the lb reports this replica {@code UP} again.
   *
   * @return this replica, for chaining
   */
  Replica awaitUp();
}
