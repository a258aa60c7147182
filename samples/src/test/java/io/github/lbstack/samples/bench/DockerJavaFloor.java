package io.github.lbstack.samples.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;

/**
 * The floor: the same six containers created and started through docker-java all at once, with no waiting logic of
 * any kind, then polled by the same readiness check as everyone else.
 */
final class DockerJavaFloor implements Variant {

  private static final Map<String, String> LABELS = Map.of("io.github.lbstack.stack", "bench-floor");

  @Override
  public String name() {
    return "docker-java, all at once (floor)";
  }

  @Override
  public Running start() throws Exception {
    DockerClient docker = DockerClientFactory.instance().client();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String network = docker.createNetworkCmd().withName("bench-floor-" + suffix).withLabels(LABELS).exec().getId();
    Path config = Setup.tempFile("haproxy.cfg", Setup.haproxyConfig(false));
    List<String> ids = new ArrayList<>();
    ids.add(create(docker, network, "mysql", Setup.MYSQL, 3306, List.of("MYSQL_ROOT_PASSWORD=root-secret",
        "MYSQL_DATABASE=" + Setup.DB, "MYSQL_USER=" + Setup.USER, "MYSQL_PASSWORD=" + Setup.PASSWORD), null, suffix));
    ids.add(create(docker, network, "redis", Setup.REDIS, 6379, List.of(), null, suffix));
    for (int i = 1; i <= 3; i++) {
      ids.add(create(docker, network, "web-" + i, Setup.APP, 8080, List.of("DB_HOST=mysql", "DB_PORT=3306",
          "DB_DATABASE=" + Setup.DB, "DB_USERNAME=" + Setup.USER, "DB_PASSWORD=" + Setup.PASSWORD, "REDIS_HOST=redis",
          "REDIS_PORT=6379"), null, suffix));
    }
    ids.add(create(docker, network, "lb", Setup.HAPROXY, 8080, List.of(),
        Bind.parse(config + ":/usr/local/etc/haproxy/haproxy.cfg:ro"), suffix));
    ids.forEach(id -> docker.startContainerCmd(id).exec());
    Ready.await("jdbc:mysql://localhost:" + port(docker, ids.get(0), 3306) + "/" + Setup.DB
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", Setup.USER, Setup.PASSWORD, "localhost",
        port(docker, ids.get(1), 6379), URI.create("http://localhost:" + port(docker, ids.get(5), 8080)), 3);
    return () -> {
      for (int i = ids.size() - 1; i >= 0; i--) {
        docker.removeContainerCmd(ids.get(i)).withForce(true).withRemoveVolumes(true).exec();
      }
      docker.removeNetworkCmd(network).exec();
    };
  }

  private static String create(DockerClient docker, String network, String alias, String image, int port,
      List<String> env, Bind bind, String suffix) {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(network)
        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)));
    if (bind != null) {
      host.withBinds(bind);
    }
    CreateContainerCmd create = docker.createContainerCmd(image).withName("bench-floor-" + suffix + "-" + alias)
        .withHostName(alias).withEnv(env).withLabels(LABELS).withExposedPorts(ExposedPort.tcp(port))
        .withHostConfig(host)
        .withAliases(alias);
    return create.exec().getId();
  }

  private static int port(DockerClient docker, String id, int port) {
    return Integer.parseInt(docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(port))[0].getHostPortSpec());
  }
}
