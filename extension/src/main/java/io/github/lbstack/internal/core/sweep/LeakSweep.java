package io.github.lbstack.internal.core.sweep;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.backend.Backend;
import io.github.lbstack.internal.backend.Backend.Owned;
import io.github.lbstack.internal.backend.Labels;
import io.github.lbstack.internal.backend.Owner;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Removes what earlier runs left behind when their JVM died without closing its stacks ({@code kill -9}, an OOM
 * kill, a CI timeout): every container and network of a stack whose owner ran on this host and is gone. Stacks of
 * live JVMs, and of owners on other hosts (a shared remote engine), are never touched. It runs once per JVM, before
 * the first stack starts, because Ryuk (Testcontainers' reaper) may be off and cannot be relied on.
 */
public final class LeakSweep {

  private static final Logger LOG = Log.LBSTACK;
  private static final Map<Backend, Boolean> SWEPT = new java.util.concurrent.ConcurrentHashMap<>();

  private LeakSweep() {}

  public static void once(Backend backend) {
    SWEPT.computeIfAbsent(backend, key -> {
      sweep(backend);
      return true;
    });
  }

  /** @return how many resources were removed */
  static int sweep(Backend backend) {
    List<Owned> owned;
    try {
      owned = backend.owned();
    } catch (RuntimeException e) {
      LOG.warn("lbstack: could not look for leftovers of earlier runs: {}", e.toString());
      return 0;
    }
    Map<String, List<Owned>> byStack = owned.stream()
        .collect(Collectors.groupingBy(Owned::stack, LinkedHashMap::new, Collectors.toList()));
    int removed = 0;
    for (var stack : byStack.entrySet()) {
      Optional<Owner> owner = stack.getValue().stream().map(resource -> resource.labels().get(Labels.OWNER))
          .map(Owner::parse).flatMap(Optional::stream).findFirst();
      if (owner.isEmpty() || !owner.get().isGone()) {
        continue;
      }
      if (stack.getValue().stream().anyMatch(resource -> resource.labels().containsKey(Labels.REUSE))) {
        // Kept on purpose for the next run (lbstack.reuse); its owner is gone by design.
        continue;
      }
      removed += remove(backend, stack.getValue());
      LOG.info("lbstack: removed the leftovers of stack {}, whose owner (pid {} on {}) is gone: {}", stack.getKey(),
          owner.get().pid(), owner.get().host(), stack.getValue().stream().map(Owned::name).toList());
    }
    return removed;
  }

  /**
   * Removes resources of one stack, containers first (a network or config in use cannot be removed),
   * every one attempted.
   *
   * @return how many were removed
   */
  public static int remove(Backend backend, List<Owned> resources) {
    int removed = 0;
    List<Owned> ordered = resources.stream()
        .sorted(Comparator.comparing(Owned::kind)).toList();
    for (Owned resource : ordered) {
      try {
        backend.remove(resource);
        removed++;
      } catch (RuntimeException e) {
        LOG.warn("lbstack: could not remove {} {}: {}", resource.kind(), resource.name(), e.toString());
      }
    }
    return removed;
  }
}
