package io.github.lbstack.internal.backend;

import io.github.lbstack.internal.backend.ContainerState.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that runs nothing: it records what the core asked for, in order, and keeps each container's state, so
 * the core's lifecycle can be tested without Docker. Container behaviour itself is tested in the ITs.
 */
public final class FakeBackend implements Backend {

  public final List<String> events = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, FakeContainer> byAlias = new ConcurrentHashMap<>();
  /** Containers the engine refuses to start; each stays created, as Docker leaves one. */
  public final Set<String> failToStart = ConcurrentHashMap.newKeySet();
  /** Containers whose app exits as they start, before the engine says where their ports are: the start fails. */
  public final Set<String> exitAtStart = ConcurrentHashMap.newKeySet();
  public final Set<String> missingImages = ConcurrentHashMap.newKeySet();
  /** How long making each image present takes: a pull or a build on a fresh engine. */
  public volatile long imageMillis;
  /** Whether it claims to run network fault helpers; what each helper run answers. */
  public volatile boolean networkFaults;
  public volatile Container.Exec helperAnswer = new Container.Exec(0, "");
  /** Whether it trains jar starts; the images it has (built ones included), and the files its containers hold. */
  public volatile boolean training;
  public final Set<String> images = ConcurrentHashMap.newKeySet();
  public final Map<String, String> files = new ConcurrentHashMap<>();
  private final AtomicInteger ports = new AtomicInteger(40000);

  /** Events without the stack's random id: "start web-1" rather than "start lbstack-1a2b3c4d-web-1". */
  public List<String> events() {
    synchronized (events) {
      return events.stream().map(event -> event.replaceAll("lbstack-[0-9a-f]{8}-?", "")).toList();
    }
  }

  @Override
  public List<String> publishHosts() {
    return List.of("localhost");
  }

  @Override
  public String describe() {
    return "fake";
  }

  @Override
  public boolean supportsNetworkFaults() {
    return networkFaults;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public void ensureImage(String image, Duration timeout) {
    try {
      Thread.sleep(imageMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (missingImages.contains(image)) {
      throw new BackendException("image " + image + " is not present and could not be pulled (fake)", null);
    }
  }

  @Override
  public String buildImage(Path dockerfile, Map<String, String> buildArgs, String tag, Map<String, String> labels) {
    events.add("build " + tag);
    images.add(tag);
    return tag;
  }

  @Override
  public boolean supportsTraining() {
    return training;
  }

  @Override
  public boolean hasImage(String image) {
    return images.contains(image);
  }

  /** Networks not removed yet, with their labels: the ones of kept stacks are listed by {@link #owned()}. */
  final Map<String, Map<String, String>> networks = new ConcurrentHashMap<>();

  @Override
  public boolean supportsReuse() {
    return true;
  }

  @Override
  public NetworkHandle createNetwork(String name, Map<String, String> labels) {
    events.add("create network " + name);
    networks.put(name, labels);
    return network(name);
  }

  private NetworkHandle network(String name) {
    return new NetworkHandle() {
      @Override
      public String id() {
        return name;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public void close() {
        networks.remove(name);
        events.add("remove network " + name);
      }
    };
  }

  @Override
  public Container container(ContainerSpec spec) {
    FakeContainer container = new FakeContainer(spec);
    byAlias.put(spec.alias(), container);
    return container;
  }

  @Override
  public String imageId(String image) {
    return "sha256:" + Integer.toHexString(image.hashCode());
  }

  // A kept stack's containers stay in byAlias, as a real engine keeps them after the JVM that made them is gone.
  @Override
  public NetworkHandle attachNetwork(Owned network) {
    events.add("attach network " + network.name());
    return network(network.name());
  }

  @Override
  public Container attach(ContainerSpec spec, Owned container) {
    FakeContainer kept = byName(container.name());
    if (kept == null || !kept.spec.name().equals(spec.name())) {
      throw new IllegalStateException("no kept container " + container.name() + " for " + spec.name());
    }
    events.add("attach " + spec.name());
    return kept;
  }

  @Override
  public Map<String, String> environment(Owned container) {
    return byName(container.name()).spec.env();
  }

  private FakeContainer byName(String name) {
    return byAlias.values().stream().filter(container -> container.spec.name().equals(name)).findFirst()
        .orElse(null);
  }

  /** What the fake platform holds of other processes' stacks, for the leak sweep. */
  public final List<Owned> leftovers = Collections.synchronizedList(new ArrayList<>());

  /** The leftovers, and the containers and networks of stacks kept for reuse that are still there. */
  @Override
  public List<Owned> owned() {
    List<Owned> owned = new ArrayList<>(leftovers);
    byAlias.values().stream().filter(container -> container.spec.labels().containsKey(
            io.github.lbstack.internal.backend.Labels.REUSE) && container.status != Status.MISSING)
        .forEach(container -> owned.add(new Owned(Owned.Kind.CONTAINER, container.spec.name(),
            container.spec.name(), container.spec.labels())));
    networks.forEach((name, labels) -> {
      if (labels.containsKey(io.github.lbstack.internal.backend.Labels.REUSE)) {
        owned.add(new Owned(Owned.Kind.NETWORK, name, name, labels));
      }
    });
    return owned;
  }

  @Override
  public void remove(Owned owned) {
    leftovers.remove(owned);
    if (owned.kind() == Owned.Kind.CONTAINER && byName(owned.name()) != null) {
      byName(owned.name()).status = Status.MISSING;
    }
    if (owned.kind() == Owned.Kind.NETWORK) {
      networks.remove(owned.name());
    }
    events.add("remove " + owned.kind() + " " + owned.name());
  }

  public final class FakeContainer implements Container {

    public final ContainerSpec spec;
    public volatile Status status = Status.CREATED;
    volatile boolean connected = true;
    volatile boolean everStarted;
    /** Every close asked of it: an engine is sent one removal per close, so the core must ask once. */
    public final java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<Integer, Integer> published = new ConcurrentHashMap<>();

    public FakeContainer(ContainerSpec spec) {
      this.spec = spec;
    }

    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public void start() {
      if (failToStart.contains(spec.alias())) {
        everStarted = true;
        throw new IllegalStateException("fake refusal to start " + spec.alias());
      }
      if (exitAtStart.contains(spec.alias())) {
        everStarted = true;
        status = Status.EXITED;
        throw new IllegalStateException(spec.name() + " has no published port (is it running?)");
      }
      spec.ports().forEach(port -> published.put(port, ports.incrementAndGet()));
      everStarted = true;
      status = Status.RUNNING;
      events.add("start " + spec.name());
    }

    @Override
    public Endpoint endpoint(int containerPort) {
      return new Endpoint("127.0.0.1", published.getOrDefault(containerPort, 0));
    }

    @Override
    public Endpoint liveEndpoint(int containerPort) {
      return endpoint(containerPort);
    }

    /** Its app dies: the container exits on its own, as a JVM does whose main method throws. */
    public void crash() {
      status = Status.EXITED;
    }

    @Override
    public ContainerState state() {
      return new ContainerState(status, status == Status.EXITED ? 137L : null, connected);
    }

    @Override
    public String logs() {
      return spec.alias() + " log line";
    }

    @Override
    public Exec exec(java.util.List<String> command, Duration timeout) {
      throw new UnsupportedOperationException("the fake backend runs no command");
    }

    @Override
    public Exec inNetworkNamespace(String image, java.util.List<String> command, Map<String, String> labels,
        Duration timeout) {
      events.add("helper " + image + " in " + spec.name());
      return helperAnswer;
    }

    /** Copies {@code files} entry "container-name:path", as a platform would copy a file out. */
    @Override
    public void copyFileOut(String path, Path target) {
      String content = files.get(spec.name() + ":" + path);
      if (content == null) {
        throw new IllegalStateException(path + " is not in " + spec.name());
      }
      try {
        java.nio.file.Files.writeString(target, content);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void kill() {
      status = Status.EXITED;
      events.add("kill " + spec.name());
    }

    @Override
    public void stop(Duration grace) {
      status = Status.EXITED;
    }

    @Override
    public void restart(Duration grace) {
      status = Status.RUNNING;
    }

    @Override
    public void startAgain() {
      status = Status.RUNNING;
      events.add("start again " + spec.name());
    }

    @Override
    public void pause() {
      status = Status.PAUSED;
      events.add("pause " + spec.name());
    }

    @Override
    public void unpause() {
      status = Status.RUNNING;
      events.add("unpause " + spec.name());
    }

    @Override
    public void disconnect() {
      connected = false;
    }

    @Override
    public void reconnect() {
      connected = true;
      events.add("reconnect " + spec.name());
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      if (everStarted && status != Status.MISSING) {
        status = Status.MISSING;
        events.add("remove " + spec.name());
      }
    }

    public boolean serving() {
      return status == Status.RUNNING && connected;
    }
  }
}
