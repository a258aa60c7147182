package io.github.lbstack;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives every class of one shared definition the same exclusive resource lock, so JUnit's parallel scheduler never
 * runs two of them at once (their distribution assertions need the lb to themselves), without blocking a worker
 * thread. Classes with their own stack, or another definition, get other locks or none, and still run in parallel.
 */
final class SharedStackLocks implements ResourceLocksProvider {

  /** The key of a shared definition. The annotation's text holds every attribute, nested {@code @Web} included. */
  static String key(LoadBalancedStack annotation) {
    return "io.github.lbstack.shared-stack:" + annotation;
  }

  @Override
  public Set<Lock> provideForClass(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, LoadBalancedStack.class)
        .filter(LoadBalancedStack::shared)
        .map(annotation -> Set.of(new Lock(key(annotation), ResourceAccessMode.READ_WRITE)))
        .orElse(Set.of());
  }
}
