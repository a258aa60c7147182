package io.github.lbstack;

import io.github.lbstack.internal.Log;
import io.github.lbstack.internal.core.Stacks;
import io.github.lbstack.internal.core.readiness.StartupFailedException;
import io.github.lbstack.internal.spec.InvalidSpecException;
import io.github.lbstack.internal.core.stack.CoreStack;
import io.github.lbstack.internal.core.stack.SharedStacks;
import io.github.lbstack.internal.core.stack.StackLease;
import io.github.lbstack.internal.spec.Configuration;
import io.github.lbstack.internal.spec.StackSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;

/**
 * The stack of a test class, for both front ends (the annotation and {@link StackExtension}). A class's own stack
 * lives in its class store; shared stacks live in the root store's registry, and each class holds a lease on one.
 * Either way the store closes what it holds after the class (or the run).
 */
final class ClassStacks {

  private static final Logger LOG = Log.LBSTACK;
  static final Namespace NAMESPACE = Namespace.create("io.github.lbstack");
  private static final String CLASS_STACK = "class-stack";
  private static final java.util.concurrent.atomic.AtomicBoolean REUSE_NOTE_LOGGED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * What a front end says about a class's stack.
   *
   * @param where names the definition in messages, for example {@code @LoadBalancedStack on [com.example.ShopIT]}
   * @param sharing present for a stack shared between classes
   */
  record Request(StackDefinition definition, String where, Optional<Sharing> sharing) {

    /** A stack of the class's own. */
    static Request own(StackDefinition definition, String where) {
      return new Request(definition, where, Optional.empty());
    }

    boolean shared() {
      return sharing.isPresent();
    }
  }

  /**
   * @param key what classes that may share one stack have in common (their lock key)
   * @param origin where the definition is declared (a class, or a composed annotation), naming a reusable stack
   */
  record Sharing(String key, String origin) {}

  private ClassStacks() {}

  /** The context of the class that owns a test, lifecycle method or constructor. */
  static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() || classContext.getTestClass().isEmpty()) {
      classContext = classContext.getParent().orElseThrow();
    }
    return classContext;
  }

  /** The stack already held by this class or an enclosing one, if any. */
  static RunningStackImpl existing(ExtensionContext classContext) {
    ClassStack held = classContext.getStore(NAMESPACE).get(CLASS_STACK, ClassStack.class);
    return held == null ? null : held.handle();
  }

  /** The stack of this class, started (or leased) on first use. */
  static RunningStackImpl get(ExtensionContext classContext, Request request) {
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(CLASS_STACK,
        key -> open(classContext, request), ClassStack.class).handle();
  }

  private static ClassStack open(ExtensionContext context, Request request) {
    Class<?> testClass = context.getRequiredTestClass();
    // Made before the first stack, so the root store closes it after the stacks, whose leftovers it then reports.
    RunReport report = RunReport.of(context);
    StackSpec spec;
    Stacks stacks;
    Configuration configuration = new Configuration(context::getConfigurationParameter);
    try {
      spec = request.definition().spec(configuration, request.where());
      stacks = StackDefinition.stacks(configuration, request.where());
    } catch (StackConfigurationException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    DockerRequirement.evaluate(request.definition().disabledWithoutDocker(), stacks.isAvailable(), request.where());
    boolean reuse = Stacks.reuseEnabled(configuration) && stacks.supportsReuse();
    if (reuse && !request.shared() && REUSE_NOTE_LOGGED.compareAndSet(false, true)) {
      LOG.info("lbstack: {}=true keeps shared stacks (shared = true) only; the stack of {} is a class's own and "
          + "starts fresh", LoadBalancedStack.REUSE_PROPERTY, testClass.getSimpleName());
    }
    try {
      if (request.shared()) {
        SharedStacks registry = context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(SharedStacks.class, key -> new SharedStacks(), SharedStacks.class);
        Sharing sharing = request.sharing().orElseThrow();
        CoreStack stack = registry.acquire(List.of(sharing.key(), spec), testClass.getSimpleName(),
            () -> reuse ? stacks.startReusable(spec, sharing.origin()) : start(stacks, testClass, spec));
        return new ClassStack(testClass, stack.lease(testClass.getSimpleName(), true), false, report);
      }
      CoreStack stack = start(stacks, testClass, spec);
      return new ClassStack(testClass, stack.lease(testClass.getSimpleName(), false), true, report);
    } catch (StartupFailedException e) {
      throw new StackStartupException(e.getMessage(), e);
    } catch (InvalidSpecException e) {
      // Found by a check that needs the platform, such as the balancer's own check of the user's file.
      throw new ExtensionConfigurationException(request.where() + ": " + e.getMessage(),
          new StackConfigurationException(request.where() + ": " + e.getMessage(), e));
    }
  }

  private static CoreStack start(Stacks stacks, Class<?> testClass, StackSpec spec) {
    LOG.info("lbstack: starting the stack of {}", testClass.getSimpleName());
    return stacks.start(spec);
  }

  /**
   * Saves the stack's evidence when a test fails, and attaches where it is to the failure, so the path shows up
   * wherever the failure does.
   */
  static void recordFailure(ExtensionContext context, Throwable failure) {
    ClassStack held = classContext(context).getStore(NAMESPACE).get(CLASS_STACK, ClassStack.class);
    if (held == null) {
      return;
    }
    try {
      java.nio.file.Path folder = held.report().evidenceFolder(held.testClass());
      String lbView = held.lease().stack().saveEvidence(folder);
      held.evidence = folder;
      // The lb's view goes with the path: a replica it had taken out often explains the failure at a glance, and
      // on a CI machine the folder may be gone before anyone reads it.
      failure.addSuppressed(new StackEvidence("lbstack saved the stack's logs, lb stats, description and start-up "
          + "timeline in " + folder + "\nthe lb's view of each replica when the test failed:\n" + lbView));
      LOG.warn("lbstack: {} failed; the stack's evidence is in {}; the lb's view of each replica:\n{}",
          context.getDisplayName(), folder, lbView);
    } catch (java.io.IOException | RuntimeException e) {
      failure.addSuppressed(new StackEvidence("lbstack could not save the stack's evidence: " + e));
    }
  }

  /**
   * Records a test's outcome for the run report, on the stack of its class (or an enclosing one).
   *
   * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   */
  static void recordOutcome(ExtensionContext context, String status, String detail) {
    ExtensionContext classContext = classContext(context);
    ClassStack held = classContext.getStore(NAMESPACE).get(CLASS_STACK, ClassStack.class);
    if (held == null) {
      return;
    }
    String name = context.getDisplayName();
    if (classContext.getRequiredTestClass() != held.testClass()) {
      name = classContext.getRequiredTestClass().getSimpleName() + " > " + name;
    }
    held.tests.add(new io.github.lbstack.internal.report.ClassRun.TestOutcome(name, status,
        detail == null ? "" : detail));
  }

  /**
   * What the class store holds and closes after the class: the lease (which logs the class's requests and restores
   * a shared stack's topology) and, for a class's own stack, the stack. The run report hears of the class first.
   */
  private static final class ClassStack implements AutoCloseable {

    private final Class<?> testClass;
    private final StackLease lease;
    private final boolean owned;
    private final RunReport report;
    private volatile java.nio.file.Path evidence;
    private final long startNanos = System.nanoTime();
    private final List<io.github.lbstack.internal.report.ClassRun.TestOutcome> tests =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    ClassStack(Class<?> testClass, StackLease lease, boolean owned, RunReport report) {
      this.testClass = testClass;
      this.lease = lease;
      this.owned = owned;
      this.report = report;
    }

    Class<?> testClass() {
      return testClass;
    }

    StackLease lease() {
      return lease;
    }

    RunReport report() {
      return report;
    }

    RunningStackImpl handle() {
      return new RunningStackImpl(lease.stack(), false);
    }

    @Override
    public void close() {
      try {
        report.add(testClass, lease, evidence, tests, startNanos);
        lease.close();
      } finally {
        if (owned) {
          lease.stack().close();
        }
      }
    }
  }
}
