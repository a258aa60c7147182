package io.github.lbstack.internal.lb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's {@code nginx.conf}, read as far as lbstack needs: its directives and blocks with the lines and columns
 * they start on, the upstreams, the servers' {@code listen} ports and which of them proxy to an upstream. It reads
 * nginx's syntax (words, quotes, comments, {@code ;} and braces); what the directives mean is nginx's business, and
 * {@code nginx -t} checks it before the stack starts.
 */
public final class NginxFile {

  /**
   * One directive, with its block when it has one.
   *
   * @param line the user's line its name is on, from 1
   * @param open where its block's {@code {} is (line and column), or null without a block
   * @param end the line of its {@code ;} or closing brace
   */
  record Directive(String name, List<String> args, int line, int end, Position open, List<Directive> block) {
    boolean hasBlock() {
      return block != null;
    }

    /** Every directive below this one, depth first. */
    List<Directive> descendants() {
      List<Directive> all = new ArrayList<>();
      if (block != null) {
        for (Directive child : block) {
          all.add(child);
          all.addAll(child.descendants());
        }
      }
      return all;
    }
  }

  /** A place in the file: line from 1, column from 0. */
  record Position(int line, int column) {}

  private record Token(String text, int line, int column, boolean quoted) {}

  private final String source;
  private final String text;
  private final List<Directive> top;

  private NginxFile(String source, String text, List<Directive> top) {
    this.source = source;
    this.text = text;
    this.top = top;
  }

  /**
   * @param source how the user named the file, for messages
   * @throws IllegalArgumentException naming the line, when braces or quotes do not match
   */
  public static NginxFile parse(String source, String text) {
    List<Token> tokens = tokenize(text);
    int[] next = {0};
    List<Directive> top = block(tokens, next, null);
    return new NginxFile(source, text, top);
  }

  String source() {
    return source;
  }

  String text() {
    return text;
  }

  /** The {@code http} block, or empty when the file has none (a {@code conf.d} fragment, say). */
  Optional<Directive> http() {
    return top.stream().filter(d -> d.name().equals("http") && d.hasBlock()).findFirst();
  }

  List<Directive> upstreams() {
    return http().map(http -> http.block().stream().filter(d -> d.name().equals("upstream") && d.hasBlock()
        && !d.args().isEmpty()).toList()).orElse(List.of());
  }

  Optional<Directive> upstream(String name) {
    return upstreams().stream().filter(u -> u.args().get(0).equals(name)).findFirst();
  }

  List<Directive> servers() {
    return http().map(http -> http.block().stream().filter(d -> d.name().equals("server") && d.hasBlock()).toList())
        .orElse(List.of());
  }

  /** A {@code listen} of a server block. */
  record Listen(int port, boolean tls, Directive server) {}

  private static final Pattern PORT = Pattern.compile("(?:.*:)?(\\d+)");

  List<Listen> listens() {
    List<Listen> listens = new ArrayList<>();
    for (Directive server : servers()) {
      for (Directive listen : server.block()) {
        if (!listen.name().equals("listen") || listen.args().isEmpty()) {
          continue;
        }
        Matcher port = PORT.matcher(listen.args().get(0));
        if (port.matches()) {
          listens.add(new Listen(Integer.parseInt(port.group(1)), listen.args().contains("ssl"), server));
        } else if (!listen.args().get(0).startsWith("unix:")) {
          listens.add(new Listen(80, listen.args().contains("ssl"), server));
        }
      }
    }
    return listens;
  }

  /** Every port the file listens on. */
  public Set<Integer> ports() {
    Set<Integer> ports = new LinkedHashSet<>();
    listens().forEach(listen -> ports.add(listen.port()));
    return ports;
  }

  /** Whether a server block sends requests to the upstream, in any of its locations. */
  boolean proxiesTo(Directive server, String upstream) {
    Pattern target = Pattern.compile("https?://" + Pattern.quote(upstream) + "(/.*)?");
    return server.descendants().stream().anyMatch(d -> d.name().equals("proxy_pass") && !d.args().isEmpty()
        && target.matcher(d.args().get(0)).matches());
  }

  /** Where the user's TLS certificates and keys are read from: lbstack puts the stack's there. */
  public List<String> certificates() {
    Set<String> files = new LinkedHashSet<>();
    http().ifPresent(http -> {
      List<Directive> all = new ArrayList<>(List.of(http));
      all.addAll(http.descendants());
      all.stream().filter(d -> (d.name().equals("ssl_certificate") || d.name().equals("ssl_certificate_key"))
          && !d.args().isEmpty() && !d.args().get(0).contains("$")).forEach(d -> files.add(d.args().get(0)));
    });
    return List.copyOf(files);
  }

  /**
   * The port of the server block the clients use: {@code requested} when the file listens on it, else the first
   * plain {@code listen} of a server that proxies to {@code upstream}.
   *
   * @throws IllegalArgumentException naming what is wrong and how to fix it
   */
  public int frontendPort(String upstream, int requested) {
    if (upstream.isBlank()) {
      throw new IllegalArgumentException("needs @Lb(backend): the upstream whose servers are your app's replicas ("
          + describeUpstreams() + ").");
    }
    if (http().isEmpty()) {
      throw new IllegalArgumentException("has no http block: lbstack runs it as /etc/nginx/nginx.conf, so it must "
          + "be a whole nginx.conf, with an http block holding upstream " + upstream + ".");
    }
    Optional<Directive> target = upstream(upstream);
    if (target.isEmpty()) {
      throw new IllegalArgumentException("has no upstream " + upstream + " (@Lb(backend)): " + describeUpstreams()
          + ". Name the upstream whose servers are your app's replicas.");
    }
    List<Listen> reaching = listens().stream().filter(listen -> proxiesTo(listen.server(), upstream)).toList();
    if (reaching.isEmpty()) {
      throw new IllegalArgumentException("never sends a request to upstream " + upstream + " (line "
          + target.get().line() + "): no server block has 'proxy_pass http://" + upstream + "'. Add one, or name "
          + "the upstream your servers use.");
    }
    if (requested != 0) {
      if (!ports().contains(requested)) {
        throw new IllegalArgumentException("does not listen on @Lb(port = " + requested + "): it listens on "
            + ports() + ".");
      }
      return requested;
    }
    return reaching.stream().filter(listen -> !listen.tls()).findFirst().orElse(reaching.get(0)).port();
  }

  private String describeUpstreams() {
    List<String> names = upstreams().stream().map(u -> u.args().get(0) + " (line " + u.line() + ")").toList();
    return names.isEmpty() ? "the file has no upstream block" : "its upstreams are " + String.join(", ", names);
  }

  private static List<Directive> block(List<Token> tokens, int[] next, Token opening) {
    List<Directive> directives = new ArrayList<>();
    List<Token> words = new ArrayList<>();
    while (next[0] < tokens.size()) {
      Token token = tokens.get(next[0]++);
      if (!token.quoted() && token.text().equals("}")) {
        if (opening == null) {
          throw new IllegalArgumentException("has a '}' on line " + token.line() + " that closes no block.");
        }
        if (!words.isEmpty()) {
          throw new IllegalArgumentException("has '" + words.get(0).text() + "' on line " + words.get(0).line()
              + " without a ';' before the '}' on line " + token.line() + ".");
        }
        return directives;
      }
      if (!token.quoted() && token.text().equals(";")) {
        if (words.isEmpty()) {
          continue;
        }
        directives.add(new Directive(words.get(0).text(), args(words), words.get(0).line(), token.line(), null,
            null));
        words = new ArrayList<>();
      } else if (!token.quoted() && token.text().equals("{")) {
        if (words.isEmpty()) {
          throw new IllegalArgumentException("has a '{' on line " + token.line() + " without a directive before it.");
        }
        List<Directive> inner = block(tokens, next, token);
        int end = next[0] > 0 ? tokens.get(next[0] - 1).line() : token.line();
        directives.add(new Directive(words.get(0).text(), args(words), words.get(0).line(), end,
            new Position(token.line(), token.column()), inner));
        words = new ArrayList<>();
      } else {
        words.add(token);
      }
    }
    if (opening != null) {
      throw new IllegalArgumentException("has a '{' on line " + opening.line() + " that is never closed.");
    }
    if (!words.isEmpty()) {
      throw new IllegalArgumentException("ends without a ';' after '" + words.get(0).text() + "' on line "
          + words.get(0).line() + ".");
    }
    return directives;
  }

  private static List<String> args(List<Token> words) {
    return words.subList(1, words.size()).stream().map(Token::text).toList();
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      int i = 0;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '#') {
          break;
        } else if (c == '{' || c == '}' || c == ';') {
          tokens.add(new Token(String.valueOf(c), number, i, false));
          i++;
        } else if (c == '"' || c == '\'') {
          int close = i + 1;
          while (close < line.length() && line.charAt(close) != c) {
            close += line.charAt(close) == '\\' ? 2 : 1;
          }
          if (close >= line.length()) {
            throw new IllegalArgumentException("has a quote on line " + number + " that is not closed on that line.");
          }
          tokens.add(new Token(line.substring(i + 1, close), number, i, true));
          i = close + 1;
        } else {
          int start = i;
          while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && "{};\"'".indexOf(line.charAt(i)) < 0) {
            // ${name} is a variable inside a word, not a block.
            if (line.charAt(i) == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
              int close = line.indexOf('}', i);
              i = close < 0 ? line.length() : close + 1;
            } else {
              i++;
            }
          }
          tokens.add(new Token(line.substring(start, i), number, start, false));
        }
      }
    }
    return tokens;
  }
}
