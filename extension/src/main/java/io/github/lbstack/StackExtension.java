package io.github.lbstack;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link StackDefinition} as a JUnit extension, for a stack defined in code. Register it in a static field, and
 * the class gets the stack as {@link LoadBalancedStack} would give it: started before the first test, removed after
 * the last, its clients injected as parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static StackExtension stack = StackDefinition.builder()
 *     .jar(Path.of(System.getProperty("app.jar")))
 *     .build()
 *     .extension();
 * }</pre>
 *
 * <p>A stack defined in code belongs to its class; sharing one between classes is declared with
 * {@link LoadBalancedStack#shared()}, where JUnit can see it before the classes run.
 */
public final class StackExtension extends StackExtensionSupport {

  private final StackDefinition definition;

  StackExtension(StackDefinition definition) {
    this.definition = definition;
  }

  /** {@return the definition this extension brings up} */
  public StackDefinition definition() {
    return definition;
  }

  @Override
  Optional<Boolean> disabledWithoutDocker(ExtensionContext context) {
    return Optional.of(definition.disabledWithoutDocker());
  }

  @Override
  String where(Class<?> testClass) {
    return "StackExtension of [" + testClass.getName() + "]";
  }

  @Override
  ClassStacks.Request request(ExtensionContext classContext) {
    rejectBothFrontEnds(classContext.getRequiredTestClass());
    return ClassStacks.Request.own(definition, where(classContext.getRequiredTestClass()));
  }
}
