package io.github.lbstack.it.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import io.github.lbstack.Database;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.it.ItImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The lb's stats page and Runtime API answer the test JVM (published on loopback) and the stack's own network, and
 * nobody else: not another stack's containers, which sit on another network.
 */
class NetworkIsolationIT {

  private static final DockerClient DOCKER = DockerClientFactory.instance().client();

  /** How often a probe is tried while the engine keeps creating networks. */
  private static final int PROBES = 5;

  /** How long after a probe the engine may still report a network created during it. */
  private static final int EVENT_LAG_SECONDS = 10;

  private static StackDefinition.Builder stack() {
    // The lb's ports are the subject: no data tier.
    return StackDefinition.builder().replicas(1).jar(System.getProperty(ItImages.APP_JAR_PROPERTY))
        .database(Database.NONE).redis(false).healthPath("/");
  }

  @Test
  void anotherStackCannotReachTheLbsStatsOrRuntimeApi() throws Exception {
    try (RunningStack a = stack().start(); RunningStack b = stack().start()) {
      String lbA = "lbstack-" + a.id() + "-lb";
      String aLbAddress = DOCKER.inspectContainerCmd(lbA).exec().getNetworkSettings().getNetworks().values()
          .iterator().next().getIpAddress();
      String webB = "lbstack-" + b.id() + "-web-1";
      // What each stack's network is, for a failure to show: another stack reaching the address is only a breach
      // when the address is not in its own network too.
      String networks = "A's lb " + aLbAddress + " on " + subnet(lbA) + ", B's web-1 "
          + DOCKER.inspectContainerCmd(webB).exec().getNetworkSettings().getNetworks().values().iterator().next()
              .getIpAddress() + " on " + subnet(webB);
      assertThat(subnet(lbA)).as("the two stacks' networks have subnets of their own (%s)", networks)
          .isNotEqualTo(subnet(webB));

      assertThat(probe("lbstack-" + a.id() + "-web-1", aLbAddress, 8404)).as("from its own replica (control)")
          .isEqualTo("open");
      assertThat(probeOutsideNetworkCreation(webB, aLbAddress, 8404)).as("stats, from another stack (%s)", networks)
          .isEqualTo("closed");
      assertThat(probeOutsideNetworkCreation(webB, aLbAddress, 9999))
          .as("Runtime API, from another stack (%s)", networks).isEqualTo("closed");
      var bindings = DOCKER.inspectContainerCmd(lbA).exec().getHostConfig().getPortBindings().getBindings();
      for (int port : new int[] {8080, 8404, 9999}) {
        assertThat(bindings.get(ExposedPort.tcp(port))).extracting(binding -> binding.getHostIp())
            .as("host address of port %d on a local engine", port).containsOnly("127.0.0.1");
      }
    }
  }

  /** The subnet of the one network a container is on. */
  private static String subnet(String container) {
    String network = DOCKER.inspectContainerCmd(container).exec().getNetworkSettings().getNetworks().values()
        .iterator().next().getNetworkID();
    return DOCKER.inspectNetworkCmd().withNetworkId(network).exec().getIpam().getConfig().get(0).getSubnet();
  }

  /**
   * A probe that does not count the engine's own window, measured on Docker 20.10: each time the engine creates a
   * network (any network, such as another test class's stack), it deletes its {@code FORWARD} jump to
   * {@code DOCKER-ISOLATION-STAGE-1} and inserts it again, and for those few milliseconds another network's
   * container reaches a published port on a container's address. An "open" is tried again only when the engine
   * created a network during that probe, at most {@value #PROBES} times; a real way in answers "open" every time.
   */
  private static String probeOutsideNetworkCreation(String container, String address, int port) throws Exception {
    String result = "";
    for (int attempt = 1; attempt <= PROBES; attempt++) {
      long from = Instant.now().getEpochSecond() - 1;
      result = probe(container, address, port);
      if (!result.equals("open") || !engineCreatedANetworkSince(from)) {
        return result;
      }
    }
    return result;
  }

  /**
   * Whether the engine reports a network created from {@code epochSecond} on. The engine reports a network once it has
   * stored it, after its rules, and a busy engine takes its time over that; so the query waits up to
   * {@value #EVENT_LAG_SECONDS} s for a network whose window a probe may just have seen. It runs only after an "open".
   */
  private static boolean engineCreatedANetworkSince(long epochSecond) throws InterruptedException {
    AtomicBoolean created = new AtomicBoolean();
    String until = Long.toString(Instant.now().getEpochSecond() + EVENT_LAG_SECONDS);
    DOCKER.eventsCmd().withSince(Long.toString(epochSecond)).withUntil(until).withEventTypeFilter(EventType.NETWORK)
        .withEventFilter("create").exec(new ResultCallback.Adapter<Event>() {
          @Override
          public void onNext(Event event) {
            created.set(true);
            try {
              close(); // one is enough: the stream need not run on to "until"
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }).awaitCompletion(EVENT_LAG_SECONDS + 10, TimeUnit.SECONDS);
    return created.get();
  }

  /** Tries a TCP connection from inside a container, with bash's /dev/tcp: "open" or "closed". */
  private static String probe(String container, String address, int port) throws Exception {
    String id = DOCKER.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true)
        .withCmd("bash", "-c", "timeout 3 bash -c '</dev/tcp/" + address + "/" + port + "' 2>/dev/null "
            + "&& echo open || echo closed").exec().getId();
    StringBuilder output = new StringBuilder();
    DOCKER.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      }
    }).awaitCompletion(20, TimeUnit.SECONDS);
    return output.toString().trim();
  }
}
