/**
 * TLS at the lb: a CA made for the test run, in memory, and a server certificate per stack signed by it, so the
 * lb terminates TLS as in production and the run's clients trust it without trusting everything.
 */
package io.github.lbstack.internal.tls;
