/**
 * The leak sweep: removes every container and network a run left behind when its JVM died before it could clean up.
 */
package io.github.lbstack.internal.core.sweep;
