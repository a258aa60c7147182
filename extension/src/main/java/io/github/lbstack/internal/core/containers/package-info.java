/**
 * What each part of a stack is started from: container specs for the lb, the database and Redis, the one factory of
 * web replicas, the web image (given, or built from a jar) and generated credentials.
 */
package io.github.lbstack.internal.core.containers;
