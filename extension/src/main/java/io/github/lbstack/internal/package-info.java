/**
 * lbstack's implementation. <strong>Not API: do not use.</strong> Anything here may change or go away in any
 * release. Use {@code io.github.lbstack}, {@code io.github.lbstack.traffic} and {@code io.github.lbstack.assertions}.
 *
 * <p>Layers depend one way (ArchitectureTest enforces it): the API uses lbstack's core ({@code internal.core},
 * whose sub-packages are layered too: see its package-info) and the values it works with ({@code internal.spec},
 * {@code internal.lb}, {@code internal.report}); the core uses the {@code internal.backend} interface, whose implementations ({@code backend.docker}, {@code backend.swarm}) are the
 * only code that touches a container platform. "Engine" always means a Docker engine; lbstack's own machinery is
 * the core.
 */
package io.github.lbstack.internal;
