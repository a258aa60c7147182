/**
 * Taking up a stack a previous run kept ({@code lbstack.reuse=true}): finding it by its key, checking it is whole,
 * and handing it to the assembly; a stack that is not whole is removed and started fresh.
 */
package io.github.lbstack.internal.core.reuse;
