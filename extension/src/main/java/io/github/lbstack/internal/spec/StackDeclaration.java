package io.github.lbstack.internal.spec;

import io.github.lbstack.internal.lb.LbKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a stack's author declared, by annotation or by builder, before configuration and validation: the one model
 * of a definition. Equality, hashing and therefore which classes share a stack come from this record; a new
 * attribute is a new component, its validation in {@link StackSpecs}, and its use.
 *
 * @param image, dockerfile, jar the web tier; exactly one is non-blank once valid
 * @param env {@code NAME=value} entries, placeholders unexpanded
 * @param lbConfig the user's own load balancer configuration file, path as given; empty for a generated one
 * @param lbBackend the backend in {@code lbConfig} that holds the app's servers
 * @param lbPort the frontend port of {@code lbConfig} the injected clients use; 0 to pick one
 * @param lbTls whether the generated config terminates TLS with a certificate from the run's CA
 * @param lbKind which balancer runs
 * @param version the label of the web tier's version, blank for one derived from its image
 * @param database which database the stack runs, if any
 * @param services extra containers on the stack's network, in the order declared
 * @param databaseInit scripts the database runs once before the replicas start, in this order, paths as given
 * @param disabledWithoutDocker skip the tests instead of failing them when no Docker engine answers
 * @param baseDirectory what relative jar and Dockerfile paths are resolved against
 */
public record StackDeclaration(int replicas, int spares, String image, String dockerfile, List<String> buildArgs,
    String jar, String version, int port, String healthPath, List<String> env, boolean defaultEnv, Balancing balance,
    boolean stickyCookie, String lbConfig, String lbBackend, int lbPort, boolean lbTls,
    LbKind lbKind, DatabaseKind database, boolean redis, List<ServiceDeclaration> services, List<String> databaseInit,
    boolean disabledWithoutDocker, Path baseDirectory) {

  /** Every attribute's default, the same as the annotation's. */
  public static final StackDeclaration DEFAULTS = new StackDeclaration(3, 0, "", "", List.of(), "", "", 8080, "/health",
      List.of(), true, Balancing.ROUND_ROBIN, false, "", "", 0, false, LbKind.HAPROXY, DatabaseKind.MYSQL, true, List.of(), List.of(), false,
      Path.of(""));

  public StackDeclaration {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(healthPath, "healthPath");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(lbConfig, "lbConfig");
    Objects.requireNonNull(lbBackend, "lbBackend");
    Objects.requireNonNull(lbKind, "lbKind");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(database, "database");
    buildArgs = List.copyOf(buildArgs);
    env = List.copyOf(env);
    services = List.copyOf(services);
    databaseInit = List.copyOf(databaseInit);
  }
}
