package io.github.lbstack.resolver;

import io.github.lbstack.RunningStack;

/** Supplies one parameter type from a running stack. */
public interface StackParameterResolver {

  /** The exact parameter type this resolver owns. */
  Class<?> type();

  Object resolve(RunningStack stack);
}
