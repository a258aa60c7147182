/**
 * A stack's replicas: scaling up and down, warm spares, the drills on one replica, and putting the topology back to
 * its definition.
 */
package io.github.lbstack.internal.core.scaling;
