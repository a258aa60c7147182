package io.github.lbstack;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LoadBalancedStack}: the class's stack, or its lease on a shared one, with its clients
 * injected. {@code @Nested} classes share their enclosing class's stack.
 */
class LoadBalancedStackExtension extends StackExtensionSupport {

  @Override
  Optional<Boolean> disabledWithoutDocker(ExtensionContext context) {
    return annotation(context.getRequiredTestClass()).map(LoadBalancedStack::disabledWithoutDocker);
  }

  @Override
  ClassStacks.Request request(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    LoadBalancedStack annotation = annotation(testClass).orElseThrow(() -> new ExtensionConfigurationException("["
        + testClass.getName() + "] registers LoadBalancedStackExtension without @LoadBalancedStack: annotate the "
        + "class with @LoadBalancedStack(web = @Web(...)) instead."));
    rejectAnnotatedNestedClasses(testClass);
    rejectBothFrontEnds(testClass);
    StackDefinition definition = StackDefinition.of(annotation);
    return annotation.shared()
        ? new ClassStacks.Request(definition, where(testClass), Optional.of(
            new ClassStacks.Sharing(SharedStackLocks.key(annotation), origin(testClass))))
        : ClassStacks.Request.own(definition, where(testClass));
  }

  /**
   * Where the class's definition is written: the class (or superclass) that carries {@code @LoadBalancedStack}, or
   * the composed annotation that does. Two runs whose definitions come from the same place describe the same stack,
   * even after an edit.
   */
  static String origin(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
      if (type.getDeclaredAnnotation(LoadBalancedStack.class) != null) {
        return type.getName();
      }
      for (java.lang.annotation.Annotation annotation : type.getDeclaredAnnotations()) {
        if (AnnotationSupport.isAnnotated(annotation.annotationType(), LoadBalancedStack.class)) {
          return "@" + annotation.annotationType().getName();
        }
      }
    }
    return testClass.getName();
  }

  @Override
  String where(Class<?> testClass) {
    return "@LoadBalancedStack on [" + testClass.getName() + "]";
  }

  @Override
  void checkNested(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    if (AnnotationSupport.isAnnotated(testClass, LoadBalancedStack.class) && testClass.isMemberClass()
        && AnnotationSupport.isAnnotated(testClass, Nested.class)
        && testClass.getDeclaredAnnotation(LoadBalancedStack.class) != null) {
      rejectAnnotatedNestedClasses(testClass.getEnclosingClass());
    }
  }

  private static Optional<LoadBalancedStack> annotation(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, LoadBalancedStack.class);
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
}
