package io.github.lbstack;

import io.github.lbstack.internal.core.Stacks;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What both front ends do: skip without Docker when asked, start the stack before the class, inject its clients.
 * They differ only in where the definition comes from.
 */
abstract class StackExtensionSupport implements ExecutionCondition, BeforeAllCallback, ParameterResolver,
    TestExecutionExceptionHandler, AfterEachCallback, TestWatcher {

  /** The stack request of a class that has no stack yet (not even from an enclosing class). */
  abstract ClassStacks.Request request(ExtensionContext classContext);

  /** Names the stack's definition in messages, for example {@code "@LoadBalancedStack on [com.example.ShopIT]"}. */
  abstract String where(Class<?> testClass);

  /** Whether the class asked to be skipped without Docker; empty when this front end does not apply to it. */
  abstract Optional<Boolean> disabledWithoutDocker(ExtensionContext context);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestClass().isEmpty() || !disabledWithoutDocker(context).orElse(false)) {
      return ConditionEvaluationResult.enabled("no Docker requirement to check");
    }
    Stacks stacks;
    try {
      stacks = Stacks.of(new io.github.lbstack.internal.spec.Configuration(context::getConfigurationParameter));
    } catch (IllegalArgumentException unknownBackend) {
      // beforeAll reports it, with the class's name.
      return ConditionEvaluationResult.enabled("the backend is checked when the stack starts");
    }
    return DockerRequirement.evaluate(true, stacks.isAvailable(), where(context.getRequiredTestClass()))
        .orElse(ConditionEvaluationResult.enabled("Docker is available"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  /** A network fault a test left in force goes with the test, failed or not, so the next test finds none. */
  @Override
  public void afterEach(ExtensionContext context) {
    RunningStackImpl existing = ClassStacks.existing(ClassStacks.classContext(context));
    if (existing != null) {
      existing.live().revertFaults();
    }
  }

  // Each test's outcome, for the run report's list of the class's tests.

  @Override
  public void testSuccessful(ExtensionContext context) {
    ClassStacks.recordOutcome(context, "passed", null);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    ClassStacks.recordOutcome(context, "failed", String.valueOf(cause));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    ClassStacks.recordOutcome(context, "aborted", String.valueOf(cause));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    ClassStacks.recordOutcome(context, "skipped", reason.orElse(""));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    ClassStacks.recordFailure(context, throwable);
    throw throwable;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return StackParameters.find(parameterContext.getParameter().getType()).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    StackParameters.Resolver resolver = StackParameters.find(parameterContext.getParameter().getType()).orElseThrow();
    RunningStackImpl stack = stack(extensionContext);
    String missing = resolver.missing().apply(stack);
    if (missing != null) {
      throw new ParameterResolutionException("lbstack cannot supply parameter [" + parameterContext.getParameter()
          + "] of " + parameterContext.getDeclaringExecutable() + ": " + missing);
    }
    try {
      return resolver.resolve().apply(stack);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("lbstack could not supply parameter [" + parameterContext.getParameter()
          + "] of " + parameterContext.getDeclaringExecutable() + ": " + e.getMessage(), e);
    }
  }

  /** The stack of the class (or enclosing class) of this context, started on first use. */
  RunningStackImpl stack(ExtensionContext context) {
    ExtensionContext classContext = ClassStacks.classContext(context);
    RunningStackImpl existing = ClassStacks.existing(classContext);
    if (existing != null) {
      checkNested(classContext);
      return existing;
    }
    return ClassStacks.get(classContext, request(classContext));
  }

  /**
   * Fails when a class asks for two stacks, one from each front end: both would claim the same parameters, and
   * neither can be meant.
   */
  static void rejectBothFrontEnds(Class<?> testClass) {
    boolean annotated = org.junit.platform.commons.support.AnnotationSupport.isAnnotated(testClass,
        LoadBalancedStack.class);
    boolean registered = org.junit.platform.commons.support.ReflectionSupport.findFields(testClass,
        field -> StackExtension.class.isAssignableFrom(field.getType())
            && field.isAnnotationPresent(org.junit.jupiter.api.extension.RegisterExtension.class),
        org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).size() > 0;
    if (annotated && registered) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("[" + testClass.getName()
          + "] declares a stack twice, with @LoadBalancedStack and with a registered StackExtension: keep one. "
          + "The annotation's attributes all exist on StackDefinition.builder().");
    }
  }

  /** A nested class that shares its enclosing class's stack; a front end may reject what it declares. */
  void checkNested(ExtensionContext classContext) {}

}
