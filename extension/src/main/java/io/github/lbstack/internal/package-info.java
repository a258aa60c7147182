/**
 * lbstack's implementation. <strong>Not API: do not use.</strong> Anything here may change or go away in any
 * release. Use {@code io.github.lbstack}, {@code io.github.lbstack.traffic} and {@code io.github.lbstack.assertions}.
 *
 * <p>Layers depend one way: the API uses {@code internal.engine} (with {@code internal.spec} and
 * {@code internal.lb}), and the engine uses the {@code internal.backend} interface, whose implementations are the
 * only code that touches a container platform.
 */
package io.github.lbstack.internal;
