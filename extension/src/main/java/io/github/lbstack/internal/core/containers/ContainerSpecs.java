package io.github.lbstack.internal.core.containers;

import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.NetworkHandle;
import io.github.lbstack.internal.lb.LbConfig;
import io.github.lbstack.internal.spec.DatabaseKind;
import io.github.lbstack.internal.spec.InitScript;
import io.github.lbstack.internal.spec.ServiceSpec;
import io.github.lbstack.internal.spec.StackSpec;
import io.github.lbstack.internal.spec.WebEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The containers of one stack as the core describes them to a backend: named, labelled, on the stack network. */
public final class ContainerSpecs {

  static final String JAR_PATH = "/app/app.jar";

  private final String stackId;
  private final StackSpec spec;
  private final NetworkHandle network;
  private final Map<String, String> stackLabels;

  /** @param stackLabels labels on every container besides the usual ones (a reusable stack's, say) */
  public ContainerSpecs(String stackId, StackSpec spec, NetworkHandle network, Map<String, String> stackLabels) {
    this.stackId = stackId;
    this.spec = spec;
    this.network = network;
    this.stackLabels = Map.copyOf(stackLabels);
  }

  /**
   * Test data needs no durability. Options the official image passes to mysqld (an argument that starts with a dash
   * goes to the server) put the datadir on tmpfs and stop flushing the redo log at each commit, the doublewrite
   * buffer and the binary log; MariaDB, our stand-in, accepts the same ones.
   */
  static final List<String> FAST_MYSQL_OPTIONS = List.of("--innodb-flush-log-at-trx-commit=0",
      "--innodb-doublewrite=OFF", "--skip-log-bin");

  /** The same for PostgreSQL: the official image passes options alone to {@code postgres}, as settings. */
  static final List<String> FAST_POSTGRES_OPTIONS = List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
      "full_page_writes=off");

  /** Where the official postgres image keeps its data when told so; from version 18 its default moved. */
  static final String POSTGRES_DATA = "/var/lib/postgresql/data";

  /**
   * The stack's database, of the kind the spec names, under the official image's contract.
   *
   * @param image the spec's database image, or the warm image derived from it ({@link DatabaseImages})
   */
  public ContainerSpec database(WebEnvironment.Secrets secrets, String image) {
    DatabaseKind kind = spec.database();
    Map<String, String> env = new java.util.LinkedHashMap<>(kind.containerEnv(secrets, Credentials.hex(12)));
    boolean fast = spec.fastDatabase();
    List<String> options = List.of();
    Map<String, String> tmpfs = Map.of();
    if (kind == DatabaseKind.MYSQL && fast) {
      options = FAST_MYSQL_OPTIONS;
      tmpfs = Map.of("/var/lib/mysql", "rw");
    } else if (kind == DatabaseKind.POSTGRES) {
      env.put("PGDATA", POSTGRES_DATA);
      if (fast) {
        env.put("POSTGRES_INITDB_ARGS", "--no-sync");
        options = FAST_POSTGRES_OPTIONS;
        tmpfs = Map.of(POSTGRES_DATA, "rw");
      }
    }
    String service = kind.service();
    return new ContainerSpec("lbstack-" + stackId + "-" + service, image, network, service, "", env,
        options, Labels.of(stackId, service, stackLabels), List.of(kind.port()), Map.of(), initScripts(), tmpfs);
  }

  /** The definition's database scripts where the image runs them, copied in through the backend, not mounted. */
  private Map<String, Path> initScripts() {
    Map<String, Path> files = new java.util.LinkedHashMap<>();
    List<InitScript> scripts = spec.databaseInit();
    for (int i = 0; i < scripts.size(); i++) {
      files.put(scripts.get(i).containerPath(i), scripts.get(i).path());
    }
    return files;
  }

  /** Another service the app needs, on the stack's network under its name. */
  public ContainerSpec service(ServiceSpec service) {
    return spec(service.name(), service.image(), service.name(), "", service.env(), service.command(),
        List.of(service.port()), Map.of(), Map.of());
  }

  public ContainerSpec redis() {
    return spec("redis", spec.images().redis(), WebEnvironment.REDIS_HOST, "", Map.of(), List.of(),
        List.of(WebEnvironment.REDIS_PORT), Map.of(), Map.of());
  }

  /**
   * @param hostname what the app reports and what the lb names the server: one identity for both
   * @param image the web image, already resolved (for a jar, the image built with it)
   * @param command the command lbstack starts a jar's JVM with; empty for the image's own
   * @param labels labels besides the stack's, such as the version the replica runs
   */
  ContainerSpec web(String hostname, String image, List<String> command, Map<String, String> env,
      Map<String, String> labels) {
    ContainerSpec web = spec(hostname, image, hostname, hostname, env, command, List.of(spec.web().port()), Map.of(),
        Map.of());
    Map<String, String> all = new java.util.HashMap<>(web.labels());
    all.putAll(labels);
    return new ContainerSpec(web.name(), web.image(), web.network(), web.alias(), web.hostname(), web.env(),
        web.command(), all, web.ports(), web.textFiles(), web.hostFiles(), web.tmpfs());
  }

  /** @param certificates the stack's certificate at each path the config reads one from */
  public ContainerSpec lb(LbConfig config, Map<String, String> certificates) {
    return spec("lb", spec.lbImage(), "lb", "", Map.of(), List.of(), config.ports(),
        lbFiles(config, certificates), Map.of());
  }

  /** A one-off container that runs the balancer's own check of its configuration, with the same files, and exits. */
  public ContainerSpec lbCheck(LbConfig config, Map<String, String> certificates) {
    return spec("lb-check", spec.lbImage(), "lb-check", "", Map.of(), config.checkCommand(), List.of(),
        lbFiles(config, certificates), Map.of());
  }

  private static Map<String, String> lbFiles(LbConfig config, Map<String, String> certificates) {
    Map<String, String> files = new java.util.HashMap<>(certificates);
    files.put(config.path(), config.text());
    return files;
  }

  private ContainerSpec spec(String service, String image, String alias, String hostname, Map<String, String> env,
      List<String> command, List<Integer> ports, Map<String, String> textFiles, Map<String, Path> hostFiles) {
    return new ContainerSpec("lbstack-" + stackId + "-" + service, image, network, alias, hostname, env, command,
        Labels.of(stackId, service, stackLabels), ports, textFiles, hostFiles, Map.of());
  }
}
