package io.github.lbstack.internal.core.scaling;

import io.github.lbstack.internal.Resources;
import io.github.lbstack.internal.backend.ContainerState;
import io.github.lbstack.internal.core.readiness.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntPredicate;

/**
 * Warm spares: replicas beyond the defined count, started with the stack and kept paused, by index, so that scaling
 * up unpauses one instead of starting a container. Their lb slots stay disabled while they wait.
 */
public final class SparePool {

  private final int defined;
  private final int count;
  private final Map<Integer, Service> paused = new ConcurrentSkipListMap<>();
  /** Where the spares are registered for the stack's close; one closed here is closed once. */
  private final Resources resources;

  /**
   * @param defined the stack's defined replica count
   * @param count how many spares it keeps, at the indexes right after the defined replicas
   */
  SparePool(int defined, int count, Resources resources) {
    this.defined = defined;
    this.count = count;
    this.resources = resources;
  }

  /** Whether a replica at this index is one of the spares' when out of rotation. */
  boolean isSpareIndex(int index) {
    return index > defined && index <= defined + count;
  }

  /** Whether a paused spare holds this index now. */
  boolean holds(int index) {
    return paused.containsKey(index);
  }

  /** Takes a running replica as a spare: it is paused here. */
  void park(int index, Service service) {
    service.container().pause();
    paused.put(index, service);
  }

  /** Takes a replica that is paused already (an earlier run's spare) as a spare. */
  void adopt(int index, Service service) {
    paused.put(index, service);
  }

  /** The spare at this index, out of the pool and still paused, if there is one. */
  Optional<Service> take(int index) {
    return Optional.ofNullable(paused.remove(index));
  }

  /**
   * Puts a replica that left rotation back in the pool when its index is a spare's and its container still runs or
   * is paused.
   *
   * @return whether it is a spare now; if not, the caller removes it
   */
  boolean takeBack(int index, Service service) {
    if (!isSpareIndex(index)) {
      return false;
    }
    ContainerState.Status status = service.container().state().status();
    if (status == ContainerState.Status.RUNNING) {
      park(index, service);
      return true;
    }
    if (status == ContainerState.Status.PAUSED) {
      adopt(index, service);
      return true;
    }
    return false;
  }

  /**
   * The spare indexes that need a new spare: those with neither a paused spare nor a replica. A spare that is not
   * paused any more (killed from outside, say) is closed and counted as missing.
   */
  List<Integer> missing(IntPredicate hasReplica) {
    List<Integer> missing = new ArrayList<>();
    for (int index = defined + 1; index <= defined + count; index++) {
      Service spare = paused.get(index);
      if (spare != null && spare.container().state().status() != ContainerState.Status.PAUSED) {
        paused.remove(index);
        resources.closeNow(spare);
        spare = null;
      }
      if (spare == null && !hasReplica.test(index)) {
        missing.add(index);
      }
    }
    return missing;
  }

  /** The paused spares, for logs and teardown. */
  List<Service> all() {
    return List.copyOf(paused.values());
  }
}
