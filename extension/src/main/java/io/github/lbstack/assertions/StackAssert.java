package io.github.lbstack.assertions;

import io.github.lbstack.RunningStack;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a running stack as a whole, such as what its replicas run after a rollout. */
public class StackAssert extends AbstractAssert<StackAssert, RunningStack> {

  StackAssert(RunningStack actual) {
    super(actual, StackAssert.class);
  }

  /**
   * Every replica runs {@code version}, and the lb has each of them, and no other, in rotation.
   *
   * @param version the version every replica should run, such as {@code "2.0"}
   * @return this assertion, for chaining
   */
  public StackAssert runsOnly(String version) {
    isNotNull();
    Map<String, String> versions = actual.versions();
    if (versions.isEmpty() || !versions.values().stream().allMatch(version::equals)) {
      failWithMessage("Expected every replica to run <%s>, but they run %s.", version, versions);
    }
    Map<String, String> statuses = actual.lbStatuses();
    if (!versions.keySet().stream().allMatch(replica -> "UP".equals(statuses.get(replica)))) {
      failWithMessage("Expected every replica of <%s> in rotation, but the lb reports %s.", version, statuses);
    }
    return this;
  }
}
