package io.github.lbstack.samples.bench;

import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The stack as users write it today with Testcontainers: GenericContainers with wait strategies and a hand-written
 * haproxy.cfg, started one after another.
 */
final class TestcontainersSequential implements Variant {

  @Override
  public String name() {
    return "Testcontainers, sequential";
  }

  @Override
  public Running start() throws Exception {
    Network network = Network.newNetwork();
    List<GenericContainer<?>> started = new ArrayList<>();
    GenericContainer<?> mysql = new GenericContainer<>(DockerImageName.parse(Setup.MYSQL)).withNetwork(network)
        .withNetworkAliases("mysql").withExposedPorts(3306)
        .withEnv("MYSQL_ROOT_PASSWORD", "root-secret").withEnv("MYSQL_DATABASE", Setup.DB)
        .withEnv("MYSQL_USER", Setup.USER).withEnv("MYSQL_PASSWORD", Setup.PASSWORD)
        .waitingFor(Wait.forLogMessage(".*port: 3306.*", 1));
    mysql.start();
    started.add(mysql);
    GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse(Setup.REDIS)).withNetwork(network)
        .withNetworkAliases("redis").withExposedPorts(6379)
        .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
    redis.start();
    started.add(redis);
    for (int i = 1; i <= 3; i++) {
      String hostname = "web-" + i;
      GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse(Setup.APP)).withNetwork(network)
          .withNetworkAliases(hostname).withCreateContainerCmdModifier(cmd -> cmd.withHostName(hostname))
          .withExposedPorts(8080)
          .withEnv("DB_HOST", "mysql").withEnv("DB_PORT", "3306").withEnv("DB_DATABASE", Setup.DB)
          .withEnv("DB_USERNAME", Setup.USER).withEnv("DB_PASSWORD", Setup.PASSWORD)
          .withEnv("REDIS_HOST", "redis").withEnv("REDIS_PORT", "6379")
          .waitingFor(Wait.forHttp("/health").forStatusCode(200));
      web.start();
      started.add(web);
    }
    GenericContainer<?> lb = new GenericContainer<>(DockerImageName.parse(Setup.HAPROXY)).withNetwork(network)
        .withExposedPorts(8080)
        .withCopyToContainer(Transferable.of(Setup.haproxyConfig(false)), "/usr/local/etc/haproxy/haproxy.cfg")
        .waitingFor(Wait.forListeningPort());
    lb.start();
    started.add(lb);
    Ready.await("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/" + Setup.DB
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", Setup.USER, Setup.PASSWORD, redis.getHost(),
        redis.getMappedPort(6379), java.net.URI.create("http://" + lb.getHost() + ":" + lb.getMappedPort(8080)), 3);
    return () -> {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).stop();
      }
      network.close();
    };
  }
}
