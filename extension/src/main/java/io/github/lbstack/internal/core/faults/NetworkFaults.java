package io.github.lbstack.internal.core.faults;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * The network faults of one stack: each is applied by a helper container in the replica's network namespace and
 * reverted the same way, when its handle is closed, when the test ends, or when a shared stack is restored. What
 * was applied, where and when is kept for the evidence.
 */
public final class NetworkFaults {

  private static final Logger LOG = Log.LBSTACK;
  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(60);

  private final String stackId;
  private final Backend backend;
  private final String image;
  private final String proxyImage;
  private final java.util.function.BiConsumer<String, String> events;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<Active> active = new CopyOnWriteArrayList<>();
  private volatile boolean imageChecked;
  private volatile boolean proxyImageChecked;

  /**
   * @param image the helper that applies and reverts faults ({@code lbstack.image.netfault})
   * @param proxyImage a JRE image, where a delay's {@link DelayProxy} runs ({@code lbstack.image.jre})
   */
  public NetworkFaults(String stackId, Backend backend, String image, String proxyImage) {
    this(stackId, backend, image, proxyImage, (kind, what) -> { });
  }

  /** @param events told of each fault applied and reverted, for the stack's timeline */
  public NetworkFaults(String stackId, Backend backend, String image, String proxyImage,
      java.util.function.BiConsumer<String, String> events) {
    this.events = events;
    this.stackId = stackId;
    this.backend = backend;
    this.image = image;
    this.proxyImage = proxyImage;
  }

  /** A fault in force on one replica; closing it reverts it (once). */
  public final class Active implements AutoCloseable {
    private final String replica;
    private final Container container;
    private final Fault fault;
    private final String tag;
    private final Container.Helper proxy;
    private volatile boolean reverted;

    private Active(String replica, Container container, Fault fault, String tag, Container.Helper proxy) {
      this.replica = replica;
      this.container = container;
      this.fault = fault;
      this.tag = tag;
      this.proxy = proxy;
    }

    public String describe() {
      return fault.describe() + " on " + replica;
    }

    @Override
    public void close() {
      synchronized (this) {
        if (reverted) {
          return;
        }
        reverted = true;
      }
      active.remove(this);
      try {
        run(container, FaultScript.revert(fault, tag), "revert " + describe());
        record("reverted " + describe());
      } catch (RuntimeException e) {
        // A replica removed or restarted since takes its rules with it; nothing is left to revert.
        LOG.info("lbstack {}: could not revert {} ({}); the replica's network went with it", stackId, describe(),
            e.getMessage());
        record("gone with its replica: " + describe());
      } finally {
        // After the rules: new connections go straight again, and the delayed ones end with the proxy.
        if (proxy != null) {
          proxy.close();
        }
      }
    }
  }

  /**
   * Applies a fault to a replica's traffic.
   *
   * @throws UnsupportedOperationException when the backend cannot run the helper
   * @throws IllegalStateException naming the cause when the helper cannot apply it: its image missing, no
   *     {@code NET_ADMIN}, a peer the network does not know
   */
  public Active apply(String replica, Container container, Fault fault) {
    if (fault.kind() == Fault.Kind.DELAY) {
      throw new IllegalArgumentException("a delay needs its links: use applyDelay");
    }
    checkHelper();
    String tag = "lbstack-fault-" + stackId + "-" + counter.incrementAndGet();
    Active applied = new Active(replica, container, fault, tag, null);
    run(container, FaultScript.apply(fault, tag), "apply " + applied.describe());
    active.add(applied);
    record("applied " + applied.describe());
    return applied;
  }

  /**
   * Applies a delay: a {@link DelayProxy} starts in the replica's network namespace, and once it listens, the
   * links' connections are redirected to it and their open ones closed, so that pools reconnect through it.
   *
   * @param links what the proxy stands in the middle of
   * @throws IllegalStateException naming the cause when the proxy or the rules cannot be put in place
   */
  public Active applyDelay(String replica, Container container, Fault fault, List<DelayLink> links) {
    checkHelper();
    if (!proxyImageChecked) {
      ensure(proxyImage, "the delay proxy's JRE image", "lbstack.image.jre at an image with sh, base64 and java 17 "
          + "or later");
      proxyImageChecked = true;
    }
    String tag = "lbstack-fault-" + stackId + "-" + counter.incrementAndGet();
    Container.Helper proxy = container.startInNetworkNamespace(proxyImage, DelayProxyLaunch.command(fault, links),
        Labels.of(stackId, "netfault"));
    try {
      List<Integer> ports = DelayProxyLaunch.awaitListening(proxy, HELPER_TIMEOUT);
      Active applied = new Active(replica, container, fault, tag, proxy);
      run(container, FaultScript.applyDelay(links, ports, tag), "apply " + applied.describe());
      if (!proxy.running()) {
        // The rules now send the link to a proxy that is gone: every connection would be refused.
        throw new IllegalStateException("the delay proxy for " + applied.describe() + " stopped: "
            + proxy.logs().strip());
      }
      active.add(applied);
      record("applied " + applied.describe());
      return applied;
    } catch (RuntimeException e) {
      try {
        run(container, FaultScript.revert(fault, tag), "revert a delay that failed on " + replica);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      proxy.close();
      throw e;
    }
  }

  /** Removes the delay proxies still running, without reverting anything: the stack's containers go next. */
  public void removeHelpers() {
    for (Active fault : active) {
      if (fault.proxy != null) {
        fault.proxy.close();
      }
    }
  }

  private void checkHelper() {
    if (!backend.supportsNetworkFaults()) {
      throw new UnsupportedOperationException("network faults need a helper container in the replica's network "
          + "namespace, which " + backend.describe() + " cannot run; run this test on a Docker engine");
    }
    if (!imageChecked) {
      ensure(image, "the network fault helper image", "lbstack.image.netfault at an image with sh, getent, iptables, "
          + "ss and tc");
      imageChecked = true;
    }
  }

  private void ensure(String required, String what, String fix) {
    try {
      backend.ensureImage(required, HELPER_TIMEOUT);
    } catch (RuntimeException e) {
      throw new IllegalStateException(what + " " + required + " is not available: " + e.getMessage()
          + ". Pull or build it, or point " + fix + ".", e);
    }
  }

  /** Reverts every fault still in force, newest first: at the end of a test, and before a shared stack's next class. */
  public List<String> revertAll() {
    List<Active> all = new ArrayList<>(active);
    java.util.Collections.reverse(all);
    List<String> reverted = new ArrayList<>();
    for (Active fault : all) {
      fault.close();
      reverted.add("reverted " + fault.describe());
    }
    return reverted;
  }

  private void run(Container container, String script, String what) {
    Map<String, String> labels = Labels.of(stackId, "netfault");
    Container.Exec result = container.inNetworkNamespace(image, List.of("sh", "-c", script), labels, HELPER_TIMEOUT);
    if (result.exitCode() != 0) {
      String output = result.output().strip();
      String hint = output.contains("Permission denied") || output.contains("Operation not permitted")
          ? " The helper needs the NET_ADMIN capability; this engine refused it."
          : output.contains("not found") ? " The image " + image + " lacks a tool lbstack needs (sh, getent, iptables, "
          + "ss, tc): point lbstack.image.netfault at one that has them." : "";
      throw new IllegalStateException("lbstack could not " + what + " (exit " + result.exitCode() + "): " + output
          + "." + hint);
    }
    LOG.info("lbstack {}: {}{}", stackId, what.replace("apply ", "applied ").replace("revert ", "reverted "),
        result.output().isBlank() ? "" : ": " + result.output().strip());
  }

  private void record(String what) {
    events.accept("fault", what);
  }
}
