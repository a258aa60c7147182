package io.github.lbstack;

import io.github.lbstack.config.Durations;
import io.github.lbstack.config.Images;
import io.github.lbstack.config.StackConfigurationException;
import io.github.lbstack.config.StackSpec;
import io.github.lbstack.config.StackSpecBuilder;
import io.github.lbstack.docker.DockerStack;
import io.github.lbstack.docker.StackLauncher;
import io.github.lbstack.resolver.CompositeStackParameterResolver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the stack of a {@link LoadBalancedStack} class before its first test, shares it with its {@code @Nested}
 * classes, injects its clients, and closes it with the class's store.
 */
class LoadBalancedStackExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.lbstack");
  private static final Namespace NAMESPACE = Namespace.create(LoadBalancedStackExtension.class);
  private static final String STACK = "stack";

  private final CompositeStackParameterResolver resolvers = new CompositeStackParameterResolver();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<LoadBalancedStack> annotation = context.getTestClass()
        .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, LoadBalancedStack.class));
    if (annotation.isEmpty() || !annotation.get().disabledWithoutDocker()) {
      return ConditionEvaluationResult.enabled("no Docker requirement to check");
    }
    return DockerRequirement.evaluate(true, isDockerAvailable(), context.getRequiredTestClass())
        .orElse(ConditionEvaluationResult.enabled("Docker is available"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return resolvers.find(parameterContext.getParameter().getType()).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    try {
      return resolvers.find(type).orElseThrow().resolve(stack(extensionContext));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("lbstack could not supply parameter [" + parameterContext.getParameter()
          + "] of " + parameterContext.getDeclaringExecutable() + ": " + e.getMessage(), e);
    }
  }

  /** The stack of the class (or enclosing class) of this context, started on first use. */
  private DockerStack stack(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().orElseThrow();
    }
    ExtensionContext owner = classContext;
    Class<?> testClass = owner.getRequiredTestClass();
    Optional<LoadBalancedStack> annotation = AnnotationSupport.findAnnotation(testClass, LoadBalancedStack.class);
    ClassStack inherited = owner.getStore(NAMESPACE).get(STACK, ClassStack.class);
    if (inherited != null) {
      if (annotation.isPresent() && inherited.owner() != testClass) {
        rejectAnnotatedNestedClasses(inherited.owner());
      }
      return inherited.stack();
    }
    if (annotation.isEmpty()) {
      throw new ExtensionConfigurationException("[" + testClass.getName() + "] registers LoadBalancedStackExtension "
          + "without @LoadBalancedStack: annotate the class with @LoadBalancedStack(web = @Web(...)) instead.");
    }
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(STACK, key -> start(owner, annotation.get()),
        ClassStack.class).stack();
  }

  /** The store closes it after the class: a stack and the class that brought it up. */
  private record ClassStack(Class<?> owner, DockerStack stack) implements AutoCloseable {
    @Override
    public void close() {
      stack.close();
    }
  }

  private ClassStack start(ExtensionContext context, LoadBalancedStack annotation) {
    Class<?> testClass = context.getRequiredTestClass();
    rejectAnnotatedNestedClasses(testClass);
    StackSpec spec;
    try {
      spec = spec(annotation, context);
    } catch (StackConfigurationException e) {
      throw new ExtensionConfigurationException("@LoadBalancedStack on [" + testClass.getName() + "]: "
          + e.getMessage(), e);
    }
    DockerRequirement.evaluate(annotation.disabledWithoutDocker(), isDockerAvailable(), testClass);
    LOG.info("lbstack: starting the stack of {}", testClass.getSimpleName());
    return new ClassStack(testClass, StackLauncher.launch(spec));
  }

  /** Fails before anything starts, rather than after the outer stack is up. */
  private static void rejectAnnotatedNestedClasses(Class<?> testClass) {
    for (Class<?> nested : testClass.getDeclaredClasses()) {
      if (AnnotationSupport.isAnnotated(nested, Nested.class)) {
        if (AnnotationSupport.isAnnotated(nested, LoadBalancedStack.class)) {
          throw new ExtensionConfigurationException("@LoadBalancedStack on nested class [" + nested.getName()
              + "]: its enclosing class already brings up a stack, which nested classes share. Remove the "
              + "annotation from the nested class, or make it a top-level class to give it a stack of its own.");
        }
        rejectAnnotatedNestedClasses(nested);
      }
    }
  }

  private static StackSpec spec(LoadBalancedStack annotation, ExtensionContext context) {
    Web web = annotation.web();
    return new StackSpecBuilder()
        .replicas(annotation.replicas())
        .balance(annotation.balance())
        .stickyCookie(annotation.stickyCookie())
        .image(web.image())
        .dockerfile(web.dockerfile(), List.of(web.buildArgs()))
        .jar(web.jar())
        .port(web.port())
        .healthPath(web.healthPath())
        .env(List.of(web.env()))
        .defaultEnv(web.defaultEnv())
        .images(Images.from(context::getConfigurationParameter))
        .startupTimeout(duration(context, LoadBalancedStack.STARTUP_TIMEOUT_PROPERTY, 1000,
            StackSpecBuilder.DEFAULT_STARTUP_TIMEOUT))
        .healthCheckInterval(duration(context, LoadBalancedStack.HEALTH_CHECK_INTERVAL_PROPERTY, 1,
            StackSpecBuilder.DEFAULT_HEALTH_CHECK_INTERVAL))
        .build();
  }

  private static Duration duration(ExtensionContext context, String key, long bareUnitMillis, Duration fallback) {
    return context.getConfigurationParameter(key).map(value -> Durations.parse(value, bareUnitMillis).orElseGet(() -> {
      LOG.warn("lbstack: ignoring configuration parameter {} = '{}': not a duration such as PT90S; using {}", key,
          value, fallback);
      return fallback;
    })).orElse(fallback);
  }

  /** Package-private so that tests can replace the probe; the default asks Testcontainers. */
  boolean isDockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }
}
