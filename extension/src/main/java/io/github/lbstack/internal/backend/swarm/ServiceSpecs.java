package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one container of a stack becomes a swarm service: a pure mapping, apart from reading the host files it is
 * given, so every choice below is unit-tested without a swarm.
 */
final class ServiceSpecs {

  /** Swarm configs hold at most 500 KB. */
  static final int CONFIG_LIMIT = 500 * 1024;

  private ServiceSpecs() {}

  /**
   * The files the container gets, by path in the container: text files as UTF-8, host files as read now.
   *
   * @throws BackendException for a file that a swarm config cannot hold
   */
  static Map<String, byte[]> files(ContainerSpec spec) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    spec.textFiles().forEach((path, text) -> contents.put(path, text.getBytes(StandardCharsets.UTF_8)));
    spec.hostFiles().forEach((path, file) -> {
      try {
        contents.put(path, Files.readAllBytes(file));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("could not read " + file + " for " + spec.name(), e);
      }
    });
    contents.forEach((path, content) -> {
      if (content.length > CONFIG_LIMIT) {
        throw new BackendException(spec.name() + ": " + path + " is " + content.length / 1024 + " KB; the swarm "
            + "backend sends files as swarm configs, which hold at most 500 KB. Build the file into the image "
            + "instead.", null);
      }
    });
    return contents;
  }

  /** The name of the swarm config that carries the container's {@code n}th file (from 1). */
  static String configName(ContainerSpec spec, int n) {
    return spec.name() + "-file-" + n;
  }

  /** A config mounted read-only at {@code path}, owned by root. */
  static ContainerSpecConfig mountedConfig(String configId, String configName, String path) {
    return new ContainerSpecConfig().withConfigID(configId).withConfigName(configName)
        .withFile(new ContainerSpecFile().withName(path).withUid("0").withGid("0").withMode(0444L));
  }

  /**
   * The one-task service for a container.
   *
   * @param imageId the image by id: a tag makes every node's agent try a pull first, which takes ~25 s to fail
   *     without a registry
   * @param nodeId the node the task is pinned to
   * @param configs the container's files, as {@link #mountedConfig}s
   */
  static ServiceSpec service(ContainerSpec spec, String imageId, String nodeId, String networkId,
      List<ContainerSpecConfig> configs) {
    com.github.dockerjava.api.model.ContainerSpec container = new com.github.dockerjava.api.model.ContainerSpec()
        .withImage(imageId)
        .withLabels(spec.labels())
        .withEnv(spec.env().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList())
        .withConfigs(configs)
        .withMounts(spec.tmpfs().keySet().stream().map(path -> new Mount().withType(MountType.TMPFS)
            .withTarget(path)).toList());
    if (!spec.hostname().isEmpty()) {
      container.withHostname(spec.hostname());
    }
    if (!spec.command().isEmpty()) {
      container.withArgs(spec.command());
    }
    TaskSpec task = new TaskSpec().withContainerSpec(container)
        // A killed replica stays down, as on one engine, until a drill or a reset starts it again.
        .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE))
        .withPlacement(new ServicePlacement().withConstraints(List.of("node.id==" + nodeId)))
        .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(networkId)
            .withAliases(List.of(spec.alias()))))
        .withForceUpdate(0);
    // DNS round robin and host-mode ports: the service VIP and the routing mesh need IPVS, which nodes may lack.
    return new ServiceSpec().withName(spec.name()).withLabels(spec.labels()).withTaskTemplate(task)
        .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
        .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR).withPorts(spec.ports().stream()
            .map(port -> new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(port)
                .withPublishMode(PortConfig.PublishMode.host)).toList()));
  }
}
