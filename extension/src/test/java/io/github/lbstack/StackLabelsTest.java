package io.github.lbstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.internal.backend.Labels;
import org.junit.jupiter.api.Test;

/** The API names the labels the backends write; it may not reach down to them, so this test keeps them equal. */
class StackLabelsTest {

  @Test
  void namesTheLabelsTheBackendsWrite() {
    assertThat(StackLabels.STACK).isEqualTo(Labels.STACK);
    assertThat(StackLabels.SERVICE).isEqualTo(Labels.SERVICE);
    assertThat(StackLabels.SESSION).isEqualTo(Labels.SESSION);
    assertThat(StackLabels.REUSE).isEqualTo(Labels.REUSE);
  }
}
