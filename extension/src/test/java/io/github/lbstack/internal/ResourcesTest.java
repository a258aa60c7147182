package io.github.lbstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  private final List<String> closed = new ArrayList<>();
  private final Resources resources = new Resources();

  private AutoCloseable named(String name) {
    return () -> closed.add(name);
  }

  @Test
  void closesInReverseOrderOfRegistration() {
    resources.add("network", named("network"));
    resources.add("web-1", named("web-1"));
    resources.add("lb", named("lb"));

    resources.close();

    assertThat(closed).containsExactly("lb", "web-1", "network");
  }

  @Test
  void aResourceClosedAheadOfTheRestIsNotClosedAgain() {
    AutoCloseable web = named("web-1");
    resources.add("network", named("network"));
    resources.add("web-1", web);

    resources.closeNow(web);
    resources.close();

    assertThat(closed).containsExactly("web-1", "network");
  }

  @Test
  void aResourceWhoseEarlyCloseFailedIsTriedAgainAtTheEnd() {
    int[] attempts = {0};
    AutoCloseable stuck = () -> {
      if (attempts[0]++ == 0) {
        throw new IllegalStateException("engine busy");
      }
      closed.add("web-1");
    };
    resources.add("web-1", stuck);

    assertThatThrownBy(() -> resources.closeNow(stuck)).hasMessage("engine busy");
    resources.close();

    assertThat(closed).containsExactly("web-1");
    assertThat(resources.notClosed()).isEmpty();
  }

  @Test
  void aCheckedFailureOfAnEarlyCloseNamesTheResourceAsTheFinalCloseWould() {
    AutoCloseable stuck = () -> {
      throw new java.io.IOException("engine busy");
    };
    resources.add("web-2", stuck);

    assertThatThrownBy(() -> resources.closeNow(stuck)).isInstanceOf(IllegalStateException.class)
        .hasMessage("lbstack could not close web-2: java.io.IOException: engine busy");
    assertThatThrownBy(resources::close)
        .hasMessage("lbstack could not close web-2: java.io.IOException: engine busy");
  }

  @Test
  void everyCloseIsAttemptedAndTheFirstFailureNamesWhatWasLeft() {
    resources.add("network", named("network"));
    resources.add("web-1", () -> {
      throw new IllegalStateException("engine gone");
    });
    resources.add("lb", named("lb"));

    assertThatThrownBy(resources::close).hasMessageContaining("lbstack could not close web-1")
        .hasMessageContaining("engine gone");

    assertThat(closed).containsExactly("lb", "network");
    assertThat(resources.notClosed()).containsExactly("web-1");
  }
}
