package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.BackendException;
import io.github.lbstack.internal.backend.Container;
import io.github.lbstack.internal.backend.ContainerSpec;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.backend.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One container of a stack as a swarm service with one task, pinned to a node. Its drills act on the task's
 * container through that node's engine; starting it again is a forced update, which gives it a new task there.
 */
final class SwarmService implements Container {

  /** Swarm keeps a config's data in its raft log and refuses more. */
  private static final Duration TASK_LIMIT = Duration.ofMinutes(3);
  /** Tasks tried in all when the engine fails to start them for a reason of its own. */
  private static final int START_TASKS = 3;
  private static final Logger LOG = Log.LBSTACK;
  private static final Set<TaskState> STARTING = Set.of(TaskState.NEW, TaskState.ALLOCATED, TaskState.PENDING,
      TaskState.ASSIGNED, TaskState.ACCEPTED, TaskState.PREPARING, TaskState.READY, TaskState.STARTING);

  private final ContainerSpec spec;
  private final SwarmNetwork network;
  private final SwarmBackend swarm;
  private final SwarmBackend.Node node;
  private final List<String> configs = new ArrayList<>();
  private volatile String serviceId;
  private volatile Map<Integer, Endpoint> published = Map.of();

  SwarmService(ContainerSpec spec, SwarmNetwork network, SwarmBackend swarm, SwarmBackend.Node node) {
    this.spec = spec;
    this.network = network;
    this.swarm = swarm;
    this.node = node;
  }

  /** The node its task runs on, for tests and logs. */
  String nodeAddress() {
    return node.address();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void start() {
    if (serviceId != null) {
      throw new IllegalStateException(spec.name() + " exists already; start it again with startAgain()");
    }
    swarm.ensureImage(spec.image(), TASK_LIMIT);
    DockerClient manager = swarm.manager();
    List<ContainerSpecConfig> files = new ArrayList<>();
    int n = 0;
    for (var file : ServiceSpecs.files(spec).entrySet()) {
      String name = ServiceSpecs.configName(spec, ++n);
      String id = manager.createConfigCmd().withName(name).withData(file.getValue()).withLabels(spec.labels()).exec()
          .getId();
      configs.add(id);
      files.add(ServiceSpecs.mountedConfig(id, name, file.getKey()));
    }
    ServiceSpec service = ServiceSpecs.service(spec, node.engine().inspectImageCmd(spec.image()).exec().getId(),
        node.id(), network.id(), files);
    serviceId = manager.createServiceCmd(service).exec().getId();
    awaitRunningTask();
  }

  /**
   * Waits for the service's newest task to run, and reads where its ports are published. A task the engine failed
   * to start for a reason of its own (see {@link TaskStartFailure}) is replaced by a new one, a few times.
   */
  private void awaitRunningTask() {
    long deadline = System.nanoTime() + TASK_LIMIT.toNanos();
    int tasks = 1;
    while (true) {
      Optional<Task> task = currentTask();
      if (task.isPresent()) {
        TaskState state = task.get().getStatus().getState();
        if (state == TaskState.RUNNING) {
          published = publishedPorts(containerId(task.get()));
          return;
        }
        if (!STARTING.contains(state)) {
          String error = Optional.ofNullable(task.get().getStatus().getErr())
              .orElse(task.get().getStatus().getMessage());
          if (!TaskStartFailure.isTransient(state, error) || tasks == START_TASKS) {
            throw new BackendException(spec.name() + ": its swarm task ended as " + state + " on node "
                + node.address() + (tasks > 1 ? " (task " + tasks + " of " + START_TASKS + ")" : "") + ": " + error);
          }
          tasks++;
          LOG.info("lbstack: {}: the engine on node {} failed to start its task ({}); trying a new task ({} of {})",
              spec.name(), node.address(), error, tasks, START_TASKS);
          forceNewTask();
          continue;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new BackendException(spec.name() + ": no task of it ran within " + TASK_LIMIT.toSeconds() + " s on "
            + "node " + node.address() + (task.isPresent() ? " (last state " + task.get().getStatus().getState() + ": "
            + task.get().getStatus().getMessage() + ")" : ""));
      }
      sleep(100);
    }
  }

  /**
   * The task swarm means to run (desired state running), the newest of them; or, when none is meant to run, the
   * newest. Timestamps are compared as instants: their text has a varying number of fraction digits.
   */
  private Optional<Task> currentTask() {
    List<Task> tasks = swarm.manager().listTasksCmd().withServiceFilter(serviceId).exec();
    Comparator<Task> newest = Comparator.comparing(task -> java.time.Instant.parse(task.getCreatedAt()));
    return tasks.stream().filter(task -> task.getDesiredState() == TaskState.RUNNING).max(newest)
        .or(() -> tasks.stream().max(newest));
  }

  private static String containerId(Task task) {
    return task.getStatus().getContainerStatus().getContainerID();
  }

  private Map<Integer, Endpoint> publishedPorts(String container) {
    Map<Integer, Ports.Binding[]> bindings = inspect(container).getNetworkSettings().getPorts().getBindings()
        .entrySet().stream().collect(java.util.stream.Collectors.toMap(entry -> entry.getKey().getPort(),
            Map.Entry::getValue));
    Map<Integer, Endpoint> ports = new java.util.HashMap<>();
    for (int port : spec.ports()) {
      Ports.Binding[] binding = bindings.get(port);
      if (binding == null || binding.length == 0) {
        throw new IllegalStateException(spec.name() + " has no published port " + port + " (is it running?)");
      }
      ports.put(port, new Endpoint(node.address(), Integer.parseInt(binding[0].getHostPortSpec())));
    }
    return Map.copyOf(ports);
  }

  private InspectContainerResponse inspect(String container) {
    return node.engine().inspectContainerCmd(container).exec();
  }

  @Override
  public Endpoint endpoint(int containerPort) {
    Endpoint endpoint = published.get(containerPort);
    return endpoint != null ? endpoint : liveEndpoint(containerPort);
  }

  @Override
  public Endpoint liveEndpoint(int containerPort) {
    Task task = currentTask().filter(candidate -> candidate.getStatus().getState() == TaskState.RUNNING)
        .orElseThrow(() -> new IllegalStateException(spec.name() + " has no running task (is it running?)"));
    return publishedPorts(containerId(task)).get(containerPort);
  }

  @Override
  public ContainerState state() {
    if (serviceId == null) {
      return new ContainerState(ContainerState.Status.CREATED, null, false);
    }
    Optional<Task> task;
    try {
      swarm.manager().inspectServiceCmd(serviceId).exec();
      task = currentTask();
    } catch (NotFoundException e) {
      return new ContainerState(ContainerState.Status.MISSING, null, false);
    }
    if (task.isEmpty() || STARTING.contains(task.get().getStatus().getState())) {
      return new ContainerState(ContainerState.Status.CREATED, null, false);
    }
    if (task.get().getStatus().getState() != TaskState.RUNNING) {
      var status = task.get().getStatus().getContainerStatus();
      return new ContainerState(ContainerState.Status.EXITED, status == null ? null : status.getExitCodeLong(), true);
    }
    InspectContainerResponse container = inspect(containerId(task.get()));
    boolean paused = Boolean.TRUE.equals(container.getState().getPaused());
    return new ContainerState(paused ? ContainerState.Status.PAUSED : ContainerState.Status.RUNNING, null, true);
  }

  @Override
  public String logs() {
    if (serviceId == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    try {
      swarm.manager().logServiceCmd(serviceId).withStdout(true).withStderr(true)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          }).awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return "";
    }
    return text.toString();
  }

  /** The running task's container, for drills that act on it. */
  private String runningContainer(String drill) {
    return currentTask().filter(task -> task.getStatus().getState() == TaskState.RUNNING).map(SwarmService::containerId)
        .orElseThrow(() -> new IllegalStateException("cannot " + drill + " " + spec.name() + ": it has no running "
            + "task"));
  }

  /** On the node that runs the task, as the drills are: the helper joins the task container's namespace there. */
  @Override
  public Exec inNetworkNamespace(String image, List<String> command, Map<String, String> labels, Duration timeout) {
    return io.github.lbstack.internal.backend.docker.NamespaceHelper.run(node.engine(),
        runningContainer("apply a network fault to"), spec.name(), image, command, labels, timeout);
  }

  @Override
  public Helper startInNetworkNamespace(String image, List<String> command, Map<String, String> labels) {
    return io.github.lbstack.internal.backend.docker.NamespaceHelper.start(node.engine(),
        runningContainer("apply a network fault to"), spec.name(), image, command, labels);
  }

  @Override
  public Exec exec(List<String> command, Duration timeout) {
    // A service's task may run on another node, whose engine the manager's API does not reach.
    throw new UnsupportedOperationException("the swarm backend cannot run a command in " + name()
        + "'s task: its task may run on another node");
  }

  @Override
  public void kill() {
    node.engine().killContainerCmd(runningContainer("kill")).exec();
  }

  @Override
  public void stop(Duration grace) {
    node.engine().stopContainerCmd(runningContainer("stop")).withTimeout((int) grace.toSeconds()).exec();
  }

  @Override
  public void restart(Duration grace) {
    stop(grace);
    startAgain();
  }

  @Override
  public void startAgain() {
    forceNewTask();
    awaitRunningTask();
  }

  /** A forced update: swarm starts a new task for the service, on the same node; returns once that task exists. */
  private void forceNewTask() {
    DockerClient manager = swarm.manager();
    String old = currentTask().map(Task::getId).orElse("");
    var service = manager.inspectServiceCmd(serviceId).exec();
    ServiceSpec current = service.getSpec();
    TaskSpec task = current.getTaskTemplate();
    task.withForceUpdate(Optional.ofNullable(task.getForceUpdate()).orElse(0) + 1);
    manager.updateServiceCmd(serviceId, current.withTaskTemplate(task)).withVersion(service.getVersion().getIndex())
        .exec();
    long deadline = System.nanoTime() + TASK_LIMIT.toNanos();
    // Until swarm has made the new task, the old one is still the current one.
    while (currentTask().map(Task::getId).orElse("").equals(old) && System.nanoTime() < deadline) {
      sleep(100);
    }
  }

  @Override
  public void pause() {
    io.github.lbstack.internal.backend.docker.EnginePause.pause(node.engine(), runningContainer("pause"));
  }

  @Override
  public void unpause() {
    node.engine().unpauseContainerCmd(runningContainer("unpause")).exec();
  }

  @Override
  public void disconnect() {
    throw unsupported("disconnect");
  }

  @Override
  public void reconnect() {
    throw unsupported("reconnect");
  }

  private UnsupportedOperationException unsupported(String drill) {
    return new UnsupportedOperationException(drill + "() is not available on the swarm backend: a task's network "
        + "attachment belongs to its service and cannot be taken away and given back. Use kill(), stop() or pause() "
        + "to take " + spec.alias() + " out of reach.");
  }

  @Override
  public void close() {
    String id = serviceId;
    if (id != null) {
      try {
        swarm.manager().removeServiceCmd(id).exec();
      } catch (NotFoundException alreadyGone) {
        // The goal is met.
      }
    }
    for (String config : configs) {
      SwarmBackend.removeOnceFree(() -> swarm.manager().removeConfigCmd(config).exec());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while waiting for a swarm task", e);
    }
  }

  @Override
  public String toString() {
    return spec.name() + " on " + node.address();
  }
}
