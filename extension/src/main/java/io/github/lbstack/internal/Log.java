package io.github.lbstack.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** lbstack's one logger: users turn its progress lines up or down by this one name. */
public final class Log {

  /** The logger named {@code io.github.lbstack}. */
  public static final Logger LBSTACK = LoggerFactory.getLogger("io.github.lbstack");

  private Log() {}
}
