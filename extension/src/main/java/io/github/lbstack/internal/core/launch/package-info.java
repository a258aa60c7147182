/**
 * A fresh start: the order services start in, and {@code StackAssembly}, the one place a stack's parts are put
 * together, for a fresh start and for a kept stack taken up again alike.
 */
package io.github.lbstack.internal.core.launch;
