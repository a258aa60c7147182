/**
 * lbstack's core: {@link io.github.lbstack.internal.core.Stacks} is its front, the one entry the API calls to
 * start, share or take up a stack. Below it, one package per concern, each depending only on those listed after it:
 * {@code reuse} (taking up a kept stack), {@code launch} (a fresh start and the one assembly of a stack's parts),
 * {@code stack} (a running stack: clients, evidence, leases, sharing, teardown), {@code scaling} (replicas, spares,
 * restore), {@code containers} (what each part is started from), {@code readiness} (probes and the start-up
 * deadline); {@code sweep} (removing what a dead run left) stands alone. ArchitectureTest holds these layers.
 */
package io.github.lbstack.internal.core;
