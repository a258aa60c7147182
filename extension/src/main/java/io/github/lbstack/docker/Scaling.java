package io.github.lbstack.docker;

import static org.awaitility.Awaitility.await;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Replica;
import io.github.lbstack.env.WebEnvironment;
import io.github.lbstack.lb.HaproxyConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live scaling of a stack's replicas. The lb already has a disabled server slot for every possible replica, so
 * scaling up starts containers and puts their slots in rotation, and scaling down drains slots before stopping
 * containers, all through the Runtime API, without restarting the lb.
 */
final class Scaling {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");

  /** What scaling needs from the launcher to create replicas like the first ones. */
  record Setup(StackContainers containers, String webImage, WebEnvironment environment, String healthPath,
      int webPort, String networkId, Duration timeout) {}

  private final DockerStack stack;
  private final Setup setup;

  Scaling(DockerStack stack, Setup setup) {
    this.stack = stack;
    this.setup = setup;
  }

  int webPort() {
    return setup.webPort();
  }

  String networkId() {
    return setup.networkId();
  }

  Duration timeout() {
    return setup.timeout();
  }

  synchronized void scaleTo(int target) {
    if (target < 1 || target > LoadBalancedStack.MAX_REPLICAS) {
      throw new IllegalArgumentException("scaleTo(" + target + ") is out of range: use 1 to "
          + LoadBalancedStack.MAX_REPLICAS + " (LoadBalancedStack.MAX_REPLICAS).");
    }
    int current = stack.replicas().size();
    long start = System.nanoTime();
    LOG.info("lbstack {}: scaling from {} to {} replicas", stack.id(), current, target);
    if (target > current) {
      addReplicas(current, target);
    }
    for (int index = current; index > target; index--) {
      drainAndRemove(stack.replica(index));
    }
    awaitRotation(target);
    LOG.info("lbstack {}: {} replicas in rotation after {} ms", stack.id(), target,
        (System.nanoTime() - start) / 1_000_000);
  }

  private void addReplicas(int current, int target) {
    List<Service> added = new ArrayList<>();
    ParallelStartup startup = new ParallelStartup(stack.id(), setup.timeout());
    for (int index = current + 1; index <= target; index++) {
      String hostname = StackLauncher.hostname(index);
      Service web = new Service(hostname, setup.containers().web(hostname, setup.webImage(),
          setup.environment().forReplica(index, hostname)));
      stack.resources().add(hostname, web);
      web.readyWhen(() -> Probes.http(web.hostUri(setup.webPort()).resolve(setup.healthPath())).check());
      startup.start(web);
      added.add(web);
    }
    startup.awaitAll();
    for (Service web : added) {
      stack.addReplica(Integer.parseInt(web.name().substring("web-".length())), web);
      stack.runtimeApi().setServerState(HaproxyConfig.BACKEND, web.name(), "ready");
    }
  }

  /** Out of rotation first, so requests in flight finish; then the container goes. */
  private void drainAndRemove(Replica replica) {
    stack.runtimeApi().setServerState(HaproxyConfig.BACKEND, replica.hostname(), "drain");
    try {
      await(replica.hostname() + " drained").pollInSameThread().pollInterval(Duration.ofMillis(100))
          .atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> "0".equals(stack.stats().column("scur").get(replica.hostname())));
    } catch (ConditionTimeoutException e) {
      LOG.warn("lbstack {}: {} still had open sessions after 30 s of draining; removing it anyway", stack.id(),
          replica.hostname());
    }
    stack.runtimeApi().setServerState(HaproxyConfig.BACKEND, replica.hostname(), "maint");
    ((DockerReplica) replica).service().close();
    stack.removeReplica(replica);
    LOG.info("lbstack {}: drained and removed {}", stack.id(), replica.hostname());
  }

  /** Exactly the live replicas UP, every other slot out of rotation. */
  private void awaitRotation(int target) {
    List<String> live = stack.replicas().stream().map(Replica::hostname).toList();
    try {
      await("exactly " + target + " replicas in rotation").pollInSameThread().pollInterval(Duration.ofMillis(100))
          .atMost(setup.timeout()).ignoreExceptions()
          .until(() -> inRotation(stack.stats().statuses()).equals(live));
    } catch (ConditionTimeoutException e) {
      Map<String, String> explained = stack.stats().explainedStatuses();
      List<String> wrong = new ArrayList<>();
      explained.forEach((server, status) -> {
        boolean shouldServe = live.contains(server);
        if (shouldServe != status.startsWith("UP")) {
          wrong.add(server + (shouldServe ? " should serve but is " : " should not serve but is ") + status);
        }
      });
      throw new IllegalStateException("scaleTo(" + target + ") did not reach exactly " + target + " replicas in "
          + "rotation within " + setup.timeout().toSeconds() + " s: " + String.join("; ", wrong), e);
    }
  }

  private static List<String> inRotation(Map<String, String> statuses) {
    return statuses.entrySet().stream().filter(entry -> entry.getValue().equals("UP")).map(Map.Entry::getKey)
        .toList();
  }
}
