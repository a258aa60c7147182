/**
 * A running stack as the core holds it: its accessors and lazy clients, failure evidence, data reset, leases for the
 * classes that use it, the registry of shared stacks, the stacks still open at JVM exit, and its teardown.
 */
package io.github.lbstack.internal.core.stack;
