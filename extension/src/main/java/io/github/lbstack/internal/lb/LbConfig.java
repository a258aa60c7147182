package io.github.lbstack.internal.lb;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load balancer's configuration as it goes into the lb container, and what the core needs to know about it: which
 * ports to publish, where the replicas' backend is, and how to check the file with the balancer's own checker.
 *
 * @param kind the balancer that reads it
 * @param text the file's content
 * @param path where the lb image reads it
 * @param backend the backend that holds the replicas' slots, as stats and the Runtime API name it
 * @param httpPort the frontend port the injected clients use
 * @param statsPort where lbstack reads the stats page
 * @param runtimeApiPort where lbstack changes server states; 0 for a balancer without one (nginx)
 * @param ports every container port to publish, the three above included
 * @param tlsPorts the ports of {@code ports} that terminate TLS
 * @param certificates where the lb reads its certificates: each gets the stack's, as a PEM bundle
 * @param source the user's file this was made from, for messages; empty when lbstack generated it
 * @param origins for each line of {@code text}, the user's line it came from, or 0 for a line lbstack added
 * @param changes what lbstack changed in the user's file, one sentence each
 * @param checkCommand the balancer's configuration check, run in the lb image
 * @param servers the replicas' slots, each enabled or not at start
 * @param healthCheck lbstack's check timing, for a control that runs the checks itself (nginx)
 */
public record LbConfig(LbKind kind, String text, String path, String backend, int httpPort, int statsPort, int runtimeApiPort,
    List<Integer> ports, List<Integer> tlsPorts, List<String> certificates, String source, List<Integer> origins, List<String> changes, List<String> checkCommand,
    List<LbServer> servers, HealthCheck healthCheck) {

  public LbConfig {
    ports = List.copyOf(ports);
    tlsPorts = List.copyOf(tlsPorts);
    certificates = List.copyOf(certificates);
    origins = List.copyOf(origins);
    changes = List.copyOf(changes);
    checkCommand = List.copyOf(checkCommand);
    servers = List.copyOf(servers);
  }

  /** Whether the clients reach the lb through TLS. */
  public boolean tls() {
    return tlsPorts.contains(httpPort);
  }

  /** Whether the file is the user's, so worth checking before a start. */
  public boolean isUsers() {
    return !source.isEmpty();
  }

  /**
   * The balancer's output with each reference to a line of the file in the container ({@code [path:N]}) turned into
   * the user's line ({@code [src/test/haproxy.cfg:12]}), or into the text of a line lbstack added; the file's path
   * in the container becomes the user's.
   */
  public String inUsersLines(String output) {
    Matcher matcher = Pattern.compile(Pattern.quote(path) + ":(\\d+)").matcher(output);
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    while (matcher.find()) {
      int line = Integer.parseInt(matcher.group(1));
      int origin = line >= 1 && line <= origins.size() ? origins.get(line - 1) : 0;
      String replacement = origin > 0 ? source + ":" + origin
          : "line lbstack added: '" + (line >= 1 && line <= lines.length ? lines[line - 1].trim() : "?") + "'";
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString().replace(path, source);
  }
}
