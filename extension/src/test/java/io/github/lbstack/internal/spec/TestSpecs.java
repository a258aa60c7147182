package io.github.lbstack.internal.spec;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Declarations for tests below the API: the defaults with some components replaced by name, so tests need no builder
 * of their own beside the public one.
 */
public final class TestSpecs {

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> configuration = new LinkedHashMap<>();

  private TestSpecs() {}

  /** The defaults, with the given image as the web tier. */
  public static TestSpecs image(String image) {
    return declare().set("image", image);
  }

  public static TestSpecs declare() {
    return new TestSpecs();
  }

  /** Replaces the record component {@code component} of {@link StackDeclaration}. */
  public TestSpecs set(String component, Object value) {
    if (Arrays.stream(StackDeclaration.class.getRecordComponents()).noneMatch(c -> c.getName().equals(component))) {
      throw new IllegalArgumentException("StackDeclaration has no component " + component);
    }
    values.put(component, value);
    return this;
  }

  /** A configuration parameter, as a test run or system property would give it. */
  public TestSpecs config(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  public Configuration configuration() {
    Map<String, String> copy = Map.copyOf(configuration);
    return new Configuration(key -> Optional.ofNullable(copy.get(key)));
  }

  public StackDeclaration declaration() {
    return with(StackDeclaration.DEFAULTS, values);
  }

  public StackSpec build() {
    return StackSpecs.from(declaration(), configuration());
  }

  /** {@code base} with the named components replaced. */
  public static StackDeclaration with(StackDeclaration base, Map<String, Object> replaced) {
    RecordComponent[] components = StackDeclaration.class.getRecordComponents();
    Object[] arguments = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        arguments[i] = replaced.containsKey(name) ? replaced.get(name) : components[i].getAccessor().invoke(base);
      }
      return StackDeclaration.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
          .toArray(Class<?>[]::new)).newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
