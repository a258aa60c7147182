package io.github.lbstack.internal.lb;

/**
 * A backend server as the load balancer sees it: its name (the replica's hostname), its address in the network,
 * and whether it starts in rotation. Servers out of rotation are slots for replicas added later.
 */
public record LbServer(String name, String host, int port, boolean enabled) {

  /**
   * What a slot with no container behind it resolves: the lb's own alias, which Docker's DNS answers itself. A
   * replica's name that no container has would be forwarded to the engine's upstream DNS several times a second
   * (HAProxy resolves every slot, disabled ones too), and the engine then took about 3.5 s to remove the lb: the
   * measured difference between an HAProxy stack's teardown and an nginx one's. The slot never serves while it
   * points there; {@code HaproxyControl} names the replica before it enables the slot.
   */
  public static final String PLACEHOLDER_HOST = "lb";
}
