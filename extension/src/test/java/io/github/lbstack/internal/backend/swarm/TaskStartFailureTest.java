package io.github.lbstack.internal.backend.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.TaskState;
import org.junit.jupiter.api.Test;

/** Which failed tasks the swarm backend replaces, judged on the errors swarm reported in our runs. */
class TaskStartFailureTest {

  /** Word for word from a CI run's swarm phase (Docker 20.10.24), where it failed a stack's lb. */
  private static final String CONFIG_REMOUNT_BUSY = "starting container failed: unable to remount dir as readonly: "
      + "mount tmpfs:/var/lib/docker-lbswarm1/containers/8d7885fc7dff1976dfb7bb0a75bd15c41ec5bcabb2ab06d07774159c0b352e40"
      + "/mounts/secrets, flags: 0x21, data: uid=0,gid=0: device or resource busy";

  @Test
  void theEnginesBusyRemountOfATasksConfigsIsWorthANewTask() {
    assertThat(TaskStartFailure.isTransient(TaskState.FAILED, CONFIG_REMOUNT_BUSY)).isTrue();
  }

  @Test
  void aMistakeInTheSpecIsNot() {
    // As SwarmStartFailureIT's task ended on the swarm here.
    assertThat(TaskStartFailure.isTransient(TaskState.FAILED, "starting container failed: failed to create shim task: "
        + "OCI runtime create failed: runc create failed: unable to start container process: exec: \"no-such-binary\": "
        + "executable file not found in $PATH: unknown")).isFalse();
  }

  @Test
  void norIsAContainerThatRanAndExited() {
    assertThat(TaskStartFailure.isTransient(TaskState.FAILED, "task: non-zero exit (1)")).isFalse();
  }

  @Test
  void norATaskThatSwarmRejectedOrOneWithoutAnError() {
    assertThat(TaskStartFailure.isTransient(TaskState.REJECTED, CONFIG_REMOUNT_BUSY)).isFalse();
    assertThat(TaskStartFailure.isTransient(TaskState.FAILED, null)).isFalse();
  }
}
