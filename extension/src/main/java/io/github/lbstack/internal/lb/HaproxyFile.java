package io.github.lbstack.internal.lb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's {@code haproxy.cfg} as lbstack reads it: its lines, numbered as in the file, grouped into sections. It
 * reads only what lbstack needs (section headers, {@code bind}, {@code server}, routing to a backend and a few backend
 * settings); the rest is HAProxy's to judge, which {@code haproxy -c} does in the lb image before a stack starts.
 */
public final class HaproxyFile {

  /** HAProxy's section keywords: a line that starts with one opens a new section. */
  private static final Set<String> SECTION_KEYWORDS = Set.of("global", "defaults", "frontend", "backend", "listen",
      "resolvers", "peers", "userlist", "mailers", "program", "http-errors", "ring", "cache", "log-forward",
      "fcgi-app", "crt-store", "traces", "acme");

  /** One line of the file; {@code number} counts from 1 as editors and HAProxy's messages do. */
  record Line(int number, String text) {

    /** The line's words, comment removed; HAProxy's quoting is not needed for the few keywords read here. */
    List<String> words() {
      String code = text;
      for (int i = 0; i < code.length(); i++) {
        if (code.charAt(i) == '#' && (i == 0 || Character.isWhitespace(code.charAt(i - 1)))) {
          code = code.substring(0, i);
          break;
        }
      }
      String trimmed = code.trim();
      return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    String keyword() {
      List<String> words = words();
      return words.isEmpty() ? "" : words.get(0);
    }

    boolean isCode() {
      return !words().isEmpty();
    }
  }

  /** A section: its header line and the lines up to the next header. */
  record Section(String keyword, String name, List<Line> lines) {

    Line header() {
      return lines.get(0);
    }

    /** The lines after the header that start with one of these keywords. */
    List<Line> lines(String... keywords) {
      Set<String> wanted = Set.of(keywords);
      return lines.subList(1, lines.size()).stream().filter(line -> wanted.contains(line.keyword())).toList();
    }

    boolean isProxy() {
      return keyword.equals("frontend") || keyword.equals("backend") || keyword.equals("listen");
    }

    /** Where lines added to this section go: after its last line that is not blank or a comment. */
    int lastCodeLine() {
      int last = header().number();
      for (Line line : lines) {
        if (line.isCode()) {
          last = line.number();
        }
      }
      return last;
    }

    /** Whether this frontend or listen section sends requests to the backend: by default, by rule, or itself. */
    boolean routesTo(String backend) {
      if (keyword.equals("listen") && name.equals(backend)) {
        return true;
      }
      if (!keyword.equals("frontend") && !keyword.equals("listen")) {
        return false;
      }
      return lines("default_backend", "use_backend").stream().map(Line::words)
          .anyMatch(words -> words.size() > 1 && (words.get(1).equals(backend) || words.get(1).contains("%[")));
    }
  }

  /** A {@code bind} of a frontend or listen section, one per address. */
  record Bind(int port, boolean tls, Section section, Line line) {}

  private final String source;
  private final List<Line> lines;
  private final List<Section> sections;

  private HaproxyFile(String source, List<Line> lines, List<Section> sections) {
    this.source = source;
    this.lines = List.copyOf(lines);
    this.sections = List.copyOf(sections);
  }

  /** @param source how messages name the file, for example its path */
  public static HaproxyFile parse(String source, String text) {
    List<Line> lines = new ArrayList<>();
    String[] raw = text.split("\r?\n", -1);
    int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
    for (int i = 0; i < count; i++) {
      lines.add(new Line(i + 1, raw[i]));
    }
    List<Section> sections = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lines.size(); i++) {
      boolean header = i < lines.size() && SECTION_KEYWORDS.contains(lines.get(i).keyword());
      if ((header || i == lines.size()) && start >= 0) {
        List<String> words = lines.get(start).words();
        sections.add(new Section(words.get(0), words.size() > 1 ? words.get(1) : "", lines.subList(start, i)));
      }
      if (header) {
        start = i;
      }
    }
    return new HaproxyFile(source, lines, sections);
  }

  String source() {
    return source;
  }

  List<Line> lines() {
    return lines;
  }

  List<Section> sections() {
    return sections;
  }

  /** The backend or listen section of this name. */
  Optional<Section> proxy(String name) {
    return sections.stream().filter(section -> section.keyword().equals("backend") || section.keyword().equals("listen"))
        .filter(section -> section.name().equals(name)).findFirst();
  }

  /**
   * Checks that lbstack can put its replicas into this file's backend, and picks the port the injected clients use.
   *
   * @param backend the backend (or listen section) that should hold the replicas
   * @param requested the port the user asked for, or 0 for the first plain bind of a frontend that reaches it
   * @throws IllegalArgumentException naming what is wrong and how to fix it
   */
  public int frontendPort(String backend, int requested) {
    List<String> names = sections.stream()
        .filter(section -> section.keyword().equals("backend") || section.keyword().equals("listen"))
        .map(Section::name).toList();
    if (backend.isBlank()) {
      throw new IllegalArgumentException("names no backend: set backend to the one that holds your app's servers ("
          + (names.isEmpty() ? "the file has none" : "the file has " + String.join(", ", names)) + ").");
    }
    Section target = proxy(backend).orElseThrow(() -> new IllegalArgumentException("has no backend '" + backend
        + "' (" + (names.isEmpty() ? "it has no backend or listen section" : "its backends: "
        + String.join(", ", names)) + "): set backend to the one that holds your app's servers."));
    List<Section> routing = sections.stream().filter(section -> section.routesTo(backend)).toList();
    if (routing.isEmpty()) {
      throw new IllegalArgumentException("has no frontend that reaches backend '" + backend + "' (line "
          + target.header().number() + "): no frontend or listen section says 'default_backend " + backend
          + "' or 'use_backend " + backend + "', so no request could reach the replicas. Route to it, or set backend "
          + "to the one your frontend uses.");
    }
    String mode = target.lines("mode").stream().map(line -> line.words().get(1)).reduce((a, b) -> b)
        .orElseGet(() -> defaultsMode(target));
    if (mode.equals("tcp")) {
      throw new IllegalArgumentException("runs backend '" + backend + "' in mode tcp (HAProxy's default where neither the backend nor "
          + "its defaults say mode http): lbstack tells replicas apart by "
          + "a response header, which needs mode http. Use mode http in that backend.");
    }
    List<Bind> binds = binds();
    if (requested != 0) {
      if (binds.stream().noneMatch(bind -> bind.port() == requested)) {
        throw new IllegalArgumentException("binds no port " + requested + " (its ports: " + binds.stream()
            .map(bind -> String.valueOf(bind.port())).distinct().toList() + "): set port to one the file binds.");
      }
      return requested;
    }
    List<Bind> reaching = binds.stream().filter(bind -> routing.contains(bind.section())).toList();
    if (reaching.isEmpty()) {
      throw new IllegalArgumentException("has no bind in the sections that reach backend '" + backend + "' ("
          + routing.stream().map(section -> section.keyword() + " " + section.name()).toList()
          + "): add a bind line such as 'bind :8080'.");
    }
    certificates();
    // Production traffic comes in through TLS where the file terminates it; a plain bind beside it often redirects.
    return reaching.stream().filter(Bind::tls).findFirst().orElse(reaching.get(0)).port();
  }

  /**
   * Where the file's TLS binds read their certificates ({@code crt} of a {@code bind ... ssl} line): lbstack puts
   * the stack's certificate there. A {@code crt} that names a directory gets a file in it.
   *
   * @throws IllegalArgumentException for a form lbstack cannot serve
   */
  public List<String> certificates() {
    String base = sections.stream().filter(section -> section.keyword().equals("global"))
        .flatMap(section -> section.lines("crt-base").stream()).map(line -> line.words().get(1))
        .reduce((first, last) -> last).orElse("");
    List<String> paths = new ArrayList<>();
    for (Bind bind : binds()) {
      if (!bind.tls()) {
        continue;
      }
      List<String> words = bind.line().words();
      if (words.contains("crt-list")) {
        throw new IllegalArgumentException("uses crt-list on line " + bind.line().number() + ": lbstack serves one "
            + "certificate per stack; use 'crt <file>' in the file you test.");
      }
      int crt = words.indexOf("crt");
      if (crt < 0 || crt + 1 >= words.size()) {
        throw new IllegalArgumentException("has a TLS bind without 'crt <file>' on line " + bind.line().number()
            + ": name the certificate file, such as 'bind :8443 ssl crt /etc/haproxy/certs/site.pem'; lbstack puts "
            + "the stack's certificate there.");
      }
      String path = words.get(crt + 1);
      if (!path.startsWith("/")) {
        if (base.isEmpty()) {
          throw new IllegalArgumentException("names the certificate '" + path + "' on line " + bind.line().number()
              + " by a relative path and sets no crt-base: use an absolute path, or set crt-base in global.");
        }
        path = base.replaceAll("/+$", "") + "/" + path;
      }
      String file = path.endsWith("/") ? path + "lbstack.pem" : path;
      if (!paths.contains(file)) {
        paths.add(file);
      }
    }
    return paths;
  }

  /** The mode the last {@code defaults} section before this one sets; HAProxy's own default is {@code tcp}. */
  private String defaultsMode(Section target) {
    String mode = "tcp";
    for (Section section : sections) {
      if (section == target) {
        break;
      }
      if (section.keyword().equals("defaults")) {
        for (Line line : section.lines("mode")) {
          mode = line.words().size() > 1 ? line.words().get(1) : mode;
        }
      }
    }
    return mode;
  }

  /** Every address a frontend or listen section binds, in file order; UNIX sockets and file descriptors left out. */
  List<Bind> binds() {
    List<Bind> binds = new ArrayList<>();
    for (Section section : sections) {
      if (!section.keyword().equals("frontend") && !section.keyword().equals("listen")) {
        continue;
      }
      for (Line line : section.lines("bind")) {
        List<String> words = line.words();
        if (words.size() < 2) {
          continue;
        }
        boolean tls = words.contains("ssl");
        for (String address : words.get(1).split(",")) {
          port(address).ifPresent(port -> binds.add(new Bind(port, tls, section, line)));
        }
      }
    }
    return binds;
  }

  /** Every TCP port the file listens on, binds and the Runtime API's own sockets alike. */
  Set<Integer> ports() {
    Set<Integer> ports = new LinkedHashSet<>();
    binds().forEach(bind -> ports.add(bind.port()));
    for (Section section : sections) {
      for (Line line : section.lines("stats")) {
        List<String> words = line.words();
        if (words.size() > 2 && words.get(1).equals("socket")) {
          port(words.get(2)).ifPresent(ports::add);
        }
      }
    }
    return ports;
  }

  /** The port of a HAProxy address such as {@code :80}, {@code *:8080}, {@code ipv4@0.0.0.0:80} or {@code [::]:443}. */
  static Optional<Integer> port(String address) {
    String value = address;
    int at = value.indexOf('@');
    if (at >= 0) {
      String family = value.substring(0, at);
      if (!family.equals("ipv4") && !family.equals("ipv6") && !family.equals("tcp") && !family.equals("tcp4")
          && !family.equals("tcp6")) {
        return Optional.empty();
      }
      value = value.substring(at + 1);
    }
    int colon = value.lastIndexOf(':');
    if (value.startsWith("/") || colon < 0) {
      return Optional.empty();
    }
    String port = value.substring(colon + 1);
    int dash = port.indexOf('-');
    if (dash > 0) {
      port = port.substring(0, dash);
    }
    try {
      return Optional.of(Integer.parseInt(port));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
