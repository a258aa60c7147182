/**
 * When a service is ready: a started container with its readiness check, the probes behind the checks (real
 * network probes, or a fake in unit tests), reachability of published ports, and the parallel start-up of a group
 * of services under one deadline, logged with times.
 */
package io.github.lbstack.internal.core.readiness;
