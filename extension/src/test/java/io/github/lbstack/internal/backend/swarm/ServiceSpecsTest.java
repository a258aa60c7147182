package io.github.lbstack.internal.backend.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceSpec;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a container of a stack to its swarm service, without a swarm. */
class ServiceSpecsTest {

  @TempDir
  Path dir;

  private static ContainerSpec web(Map<String, String> textFiles, Map<String, Path> hostFiles) {
    return new ContainerSpec("lbstack-1a2b3c4d-web-2", "lbstack-web:jar-abc", null, "web-2", "web-2",
        Map.of("DB_HOST", "mysql"), List.of("--port", "8080"), Map.of("io.github.lbstack.stack", "1a2b3c4d"),
        List.of(8080), textFiles, hostFiles, Map.of("/var/lib/data", "size=64m"));
  }

  @Test
  void aContainerBecomesOneTaskPinnedToItsNodeOnTheStackNetworkWithHostModePorts() {
    ContainerSpecConfig file = ServiceSpecs.mountedConfig("cfg-id", "lbstack-1a2b3c4d-web-2-file-1", "/app/x.conf");

    ServiceSpec service = ServiceSpecs.service(web(Map.of(), Map.of()), "sha256:feed", "node-7", "net-1",
        List.of(file));

    assertThat(service.getName()).isEqualTo("lbstack-1a2b3c4d-web-2");
    assertThat(service.getLabels()).containsEntry("io.github.lbstack.stack", "1a2b3c4d");
    assertThat(service.getMode().getReplicated().getReplicas()).isEqualTo(1);
    var task = service.getTaskTemplate();
    assertThat(task.getPlacement().getConstraints()).containsExactly("node.id==node-7");
    assertThat(task.getRestartPolicy().getCondition()).isEqualTo(ServiceRestartCondition.NONE);
    assertThat(task.getNetworks()).singleElement().satisfies(network -> {
      assertThat(network.getTarget()).isEqualTo("net-1");
      assertThat(network.getAliases()).containsExactly("web-2");
    });
    var container = task.getContainerSpec();
    assertThat(container.getImage()).as("by id, so no node tries a pull").isEqualTo("sha256:feed");
    assertThat(container.getHostname()).isEqualTo("web-2");
    assertThat(container.getEnv()).containsExactly("DB_HOST=mysql");
    assertThat(container.getArgs()).containsExactly("--port", "8080");
    assertThat(container.getConfigs()).containsExactly(file);
    assertThat(container.getMounts()).singleElement().satisfies(mount -> {
      assertThat(mount.getType()).isEqualTo(MountType.TMPFS);
      assertThat(mount.getTarget()).isEqualTo("/var/lib/data");
    });
    assertThat(service.getEndpointSpec().getMode()).isEqualTo(EndpointResolutionMode.DNSRR);
    assertThat(service.getEndpointSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getTargetPort()).isEqualTo(8080);
      assertThat(port.getPublishMode()).isEqualTo(PortConfig.PublishMode.host);
    });
    assertThat(file.getFile().getName()).isEqualTo("/app/x.conf");
    assertThat(file.getFile().getMode()).isEqualTo(0444L);
  }

  @Test
  void anImageDefaultHostnameAndCommandAreLeftToTheImage() {
    ContainerSpec lb = new ContainerSpec("lbstack-1a2b3c4d-lb", "haproxy:3.2", null, "lb", "", Map.of(), List.of(),
        Map.of(), List.of(8080, 8404), Map.of(), Map.of(), Map.of());

    var container = ServiceSpecs.service(lb, "sha256:feed", "node-1", "net-1", List.of()).getTaskTemplate()
        .getContainerSpec();

    assertThat(container.getHostname()).isNull();
    assertThat(container.getArgs()).isNull();
  }

  @Test
  void filesComeFromTextAndFromTheHostAndAConfigTooBigIsRefusedWithWhatToDo() throws Exception {
    Path jar = Files.write(dir.resolve("small.bin"), new byte[] {1, 2, 3});
    Map<String, byte[]> files = ServiceSpecs.files(web(Map.of("/etc/a.cfg", "é"), Map.of("/app/small.bin", jar)));

    assertThat(files).containsOnlyKeys("/etc/a.cfg", "/app/small.bin");
    assertThat(files.get("/etc/a.cfg")).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThat(files.get("/app/small.bin")).containsExactly(1, 2, 3);

    Path big = Files.write(dir.resolve("big.bin"), new byte[ServiceSpecs.CONFIG_LIMIT + 1]);
    assertThatThrownBy(() -> ServiceSpecs.files(web(Map.of(), Map.of("/app/big.bin", big))))
        .isInstanceOf(BackendException.class)
        .hasMessage("lbstack-1a2b3c4d-web-2: /app/big.bin is 500 KB; the swarm backend sends files as swarm configs, "
            + "which hold at most 500 KB. Build the file into the image instead.");
  }
}
