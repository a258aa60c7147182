package io.github.lbstack.internal.backend.swarm;

import com.github.dockerjava.api.model.TaskState;

/**
 * Whether a swarm task that ended before its container ran may fare better as a new task. Only failures the engine
 * is known to make on its own count: a mistake in the spec (a missing executable, a bad mount) fails every task
 * alike, and trying again would only put off its error.
 */
final class TaskStartFailure {

  /** How swarm's executor words an error from the engine's container start. */
  private static final String START_FAILED = "starting container failed";

  /**
   * The engine mounts a tmpfs for a task's configs, writes them into it and remounts it read-only; now and then the
   * remount fails with EBUSY (moby#48783, seen 1–2 times in 200 service creations), and the next task is unaffected.
   */
  private static final String CONFIG_REMOUNT_BUSY = "device or resource busy";

  private TaskStartFailure() {}

  /**
   * @param state the task's state
   * @param error the task's error, as swarm reports it; may be null
   */
  static boolean isTransient(TaskState state, String error) {
    return state == TaskState.FAILED && error != null && error.contains(START_FAILED)
        && error.contains(CONFIG_REMOUNT_BUSY);
  }
}
