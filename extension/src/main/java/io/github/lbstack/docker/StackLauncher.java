package io.github.lbstack.docker;

import io.github.lbstack.config.StackSpec;
import io.github.lbstack.config.WebSource;
import io.github.lbstack.env.WebEnvironment;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.lb.HaproxyConfig;
import io.github.lbstack.lb.LbServer;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts a stack. MySQL, Redis and the replicas start at once; the lb starts as soon as the replica containers
 * exist (their names must resolve), and the stack is ready when MySQL takes a login, Redis answers, every replica
 * answers its health path and the lb reports every replica UP.
 */
public final class StackLauncher {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");

  private StackLauncher() {}

  /**
   * @throws io.github.lbstack.config.StackConfigurationException for a bad placeholder, before anything starts
   * @throws StackStartupException when the stack is not ready in time; nothing is left running
   */
  public static DockerStack launch(StackSpec spec) {
    String id = Credentials.hex(4);
    Credentials credentials = Credentials.random();
    WebEnvironment environment = new WebEnvironment(spec.web(), spec.images(), credentials.database(),
        credentials.user(), credentials.password());
    List<String> hostnames = IntStream.rangeClosed(1, spec.replicas()).mapToObj(StackLauncher::hostname).toList();
    // Expands every placeholder now, so a typo fails before any container exists.
    List<Map<String, String>> webEnv = IntStream.range(0, spec.replicas())
        .mapToObj(i -> environment.forReplica(i + 1, hostnames.get(i))).toList();

    LOG.info("lbstack {}: starting lb ({}), {} x web ({}), mysql ({}), redis ({})", id, spec.images().haproxy(),
        spec.replicas(), describeWeb(spec), spec.images().mysql(), spec.images().redis());

    Resources resources = new Resources();
    ParallelStartup startup = new ParallelStartup(id, spec.startupTimeout());
    try {
      pullMissingImages(id, spec);
      String webImage = WebImages.resolve(spec);
      Network network = Network.builder()
          .createNetworkCmdModifier(cmd -> cmd.withName("lbstack-" + id).withLabels(Labels.of(id, "network")))
          .build();
      resources.add("network lbstack-" + id, network);
      network.getId();

      StackContainers containers = new StackContainers(id, spec, network);
      Service mysql = new Service("mysql", containers.mysql(credentials));
      Service redis = new Service("redis", containers.redis());
      List<Service> webs = new ArrayList<>();
      for (int i = 0; i < spec.replicas(); i++) {
        webs.add(new Service(hostnames.get(i), containers.web(hostnames.get(i), webImage, webEnv.get(i))));
      }
      // Every possible replica gets a server slot; slots beyond the first N wait, disabled, for scaleTo.
      List<LbServer> servers = IntStream.rangeClosed(1, LoadBalancedStack.MAX_REPLICAS)
          .mapToObj(i -> new LbServer(hostname(i), hostname(i), spec.web().port(), i <= spec.replicas())).toList();
      String haproxyConfig = new HaproxyConfig(spec.balance(), spec.stickyCookie(), spec.web().healthPath(),
          spec.healthCheckInterval(), servers).render();
      Service lb = new Service("lb", containers.lb(haproxyConfig));

      // Registered in dependency order, so closing runs lb, replicas, redis, mysql, network.
      resources.add("mysql", mysql);
      resources.add("redis", redis);
      webs.forEach(web -> resources.add(web.name(), web));
      resources.add("lb", lb);

      Scaling.Setup scaling = new Scaling.Setup(containers, webImage, environment, spec.web().healthPath(),
          spec.web().port(), network.getId(), spec.startupTimeout());
      DockerStack stack = new DockerStack(id, resources, lb, mysql, redis, webs, credentials, scaling);
      mysql.readyWhen(() -> Probes.jdbcLogin(stack.jdbcUrl(), credentials.user(), credentials.password()).check());
      startup.start(mysql);
      redis.readyWhen(() -> Probes.redisPing(stack.redisUri().getHost(), stack.redisUri().getPort()).check());
      startup.start(redis);
      List<CompletableFuture<Void>> webContainers = new ArrayList<>();
      for (int i = 0; i < webs.size(); i++) {
        Service web = webs.get(i);
        web.readyWhen(() -> Probes.http(web.hostUri(spec.web().port()).resolve(spec.web().healthPath())).check());
        webContainers.add(startup.start(web));
      }
      lb.readyWhen(() -> Probes.allServersUp(stack.stats(), hostnames).check());
      startup.start(lb, CompletableFuture.allOf(webContainers.toArray(CompletableFuture[]::new)));
      startup.awaitAll();

      OpenStacks.add(stack);
      LOG.info("lbstack {}: ready in {}: lb {} -> {}; mysql {} (user {}); redis {}", id, startup.elapsed(),
          stack.lbUri(), String.join(", ", hostnames), stack.jdbcUrl(), credentials.user(), stack.redisUri());
      return stack;
    } catch (RuntimeException | Error e) {
      startup.close();
      resources.closeAfter(e);
      throw e;
    }
  }

  /** Replica i's hostname: its network alias, its lb server name and its X-Served-By value. */
  static String hostname(int index) {
    return "web-" + index;
  }

  private static String describeWeb(StackSpec spec) {
    WebSource source = spec.web().source();
    if (source instanceof WebSource.FromImage image) {
      return image.image();
    }
    if (source instanceof WebSource.FromJar jar) {
      return jar.jar().getFileName() + " on " + spec.images().jre();
    }
    return "built from " + ((WebSource.FromDockerfile) source).dockerfile();
  }

  /**
   * Pulls missing images up front, so an image that cannot be had fails in seconds with a message that names it,
   * instead of after Testcontainers' pull retries.
   */
  private static void pullMissingImages(String id, StackSpec spec) {
    Set<String> images = new LinkedHashSet<>(List.of(spec.images().haproxy(), spec.images().mysql(),
        spec.images().redis()));
    if (spec.web().source() instanceof WebSource.FromJar) {
      images.add(spec.images().jre());
    }
    DockerClient docker = DockerClientFactory.instance().client();
    for (String image : images) {
      try {
        docker.inspectImageCmd(image).exec();
        continue;
      } catch (NotFoundException e) {
        LOG.info("lbstack {}: image {} is not present locally; pulling it", id, image);
      }
      long start = System.nanoTime();
      DockerImageName name = DockerImageName.parse(image);
      try {
        boolean done = docker.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).start()
            .awaitCompletion(spec.startupTimeout().toSeconds(), TimeUnit.SECONDS);
        if (!done) {
          throw new IllegalStateException("the pull took longer than " + spec.startupTimeout().toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackStartupException("lbstack " + id + ": interrupted while pulling " + image, e);
      } catch (RuntimeException e) {
        throw new StackStartupException("lbstack " + id + ": image " + image + " is not present locally and could not "
            + "be pulled (" + e.getMessage() + "). Pull or build it, or point the matching lbstack.image.* "
            + "configuration parameter at an image this Docker engine has (see README, Image overrides).", e);
      }
      LOG.info("lbstack {}: pulled {} in {} ms", id, image, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
