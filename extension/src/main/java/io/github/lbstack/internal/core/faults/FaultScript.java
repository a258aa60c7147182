package io.github.lbstack.internal.core.faults;

import java.util.Locale;

/**
 * The shell a helper runs in a replica's network namespace to apply or revert a fault: iptables for loss (the
 * {@code statistic} match) and partitions (DROP both ways), tc for bandwidth (TBF, or HTB with a filter for one
 * peer). Every rule carries a comment with the fault's tag, so reverting removes exactly what applying added.
 */
final class FaultScript {

  private FaultScript() {}

  static String apply(Fault fault, String tag) {
    StringBuilder script = new StringBuilder("set -e\n");
    if (fault.peer() != null) {
      resolve(script, "peer", fault.peer());
    }
    String comment = " -m comment --comment " + tag;
    String out = fault.peer() == null ? " ! -o lo" : " -d \"$peer\"";
    String in = fault.peer() == null ? " ! -i lo" : " -s \"$peer\"";
    switch (fault.kind()) {
      case DELAY -> throw new IllegalArgumentException("a delay is made by a proxy: use applyDelay");
      case PARTITION -> script.append("iptables -w -I OUTPUT").append(out).append(comment).append(" -j DROP\n")
          .append("iptables -w -I INPUT").append(in).append(comment).append(" -j DROP\n");
      case LOSS -> script.append("iptables -w -I OUTPUT").append(out).append(" -m statistic --mode random --probability ")
          .append(String.format(Locale.ROOT, "%.4f", fault.lossPercent() / 100)).append(comment).append(" -j DROP\n");
      case BANDWIDTH -> {
        script.append("dev=$(ip -o -4 route get ").append(fault.peer() == null ? "1.1.1.1" : "\"$peer\"")
            .append(" 2>/dev/null | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p')\n")
            .append("dev=${dev:-eth0}\n")
            // One limit per replica: a task on a swarm has an interface per network, so every one is looked at.
            .append("for d in $(ls /sys/class/net); do if tc qdisc show dev \"$d\" | grep -q 'qdisc \\(tbf\\|htb\\) 1:'; "
                + "then echo 'a bandwidth limit is applied already: close it first'; exit 4; fi; done\n");
        long rate = fault.kilobitsPerSecond();
        if (fault.peer() == null) {
          script.append("tc qdisc add dev \"$dev\" root handle 1: tbf rate ").append(rate)
              .append("kbit burst 16kb latency 10s\n");
        } else {
          script.append("tc qdisc add dev \"$dev\" root handle 1: htb default 20\n")
              .append("tc class add dev \"$dev\" parent 1: classid 1:10 htb rate ").append(rate).append("kbit quantum 60000\n")
              .append("tc class add dev \"$dev\" parent 1: classid 1:20 htb rate 10gbit quantum 60000\n")
              .append("tc filter add dev \"$dev\" parent 1: protocol ip u32 match ip dst \"$peer\"/32 flowid 1:10\n");
        }
      }
    }
    return script.toString();
  }

  /**
   * Sends each link's new connections to its proxy port (NAT REDIRECT; the proxy's own connections, from its port
   * range, pass), then closes the link's open connections, so pooled ones reconnect through the proxy too.
   *
   * @param proxyPorts the proxy's listening port for each link, in order
   */
  static String applyDelay(java.util.List<DelayLink> links, java.util.List<Integer> proxyPorts, String tag) {
    StringBuilder script = new StringBuilder("set -e\n");
    String comment = " -m comment --comment " + tag;
    String ownPorts = DelayProxy.FIRST_OWN_PORT + ":" + DelayProxy.LAST_OWN_PORT;
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < links.size(); i++) {
      DelayLink link = links.get(i);
      String peer = "";
      if (link.peer() != null) {
        resolve(script, "peer" + i, link.peer());
        peer = "\"$peer" + i + "\"";
      }
      if (link.inbound()) {
        script.append("iptables -w -t nat -I PREROUTING ! -i lo -p tcp").append(peer.isEmpty() ? "" : " -s " + peer)
            .append(" --dport ").append(link.port()).append(comment).append(" -j REDIRECT --to-ports ")
            .append(proxyPorts.get(i)).append('\n');
        // The proxy reaches the replica from its own ports: those connections stay.
        close.append("ss -K -tn state established").append(peer.isEmpty() ? "" : " dst " + peer)
            .append(" sport = :").append(link.port()).append(" dport lt :").append(DelayProxy.FIRST_OWN_PORT)
            .append(" >/dev/null\n");
      } else {
        script.append("iptables -w -t nat -I OUTPUT -p tcp -d ").append(peer).append(" --dport ").append(link.port())
            .append(" -m tcp ! --sport ").append(ownPorts).append(comment).append(" -j REDIRECT --to-ports ")
            .append(proxyPorts.get(i)).append('\n');
        close.append("ss -K -tn state established dst ").append(peer).append(" dport = :").append(link.port())
            .append(" sport lt :").append(DelayProxy.FIRST_OWN_PORT).append(" >/dev/null\n");
      }
    }
    return script.append(close).toString();
  }

  private static void resolve(StringBuilder script, String variable, String service) {
    // The helper shares the replica's network, so Docker's DNS answers it as it answers the replica.
    script.append(variable).append("=$(getent hosts ").append(service).append(" | awk '{print $1; exit}')\n")
        .append("[ -n \"$").append(variable).append("\" ] || { echo \"no address for ").append(service)
        .append(" on the stack's network\"; exit 3; }\n");
  }

  /** Removes every rule with the tag, and the bandwidth limit if the fault had one; fine when nothing is left. */
  static String revert(Fault fault, String tag) {
    StringBuilder script = new StringBuilder();
    String[][] chains = fault.kind() == Fault.Kind.DELAY
        ? new String[][] {{"nat", "PREROUTING"}, {"nat", "OUTPUT"}}
        : new String[][] {{"filter", "OUTPUT"}, {"filter", "INPUT"}};
    for (String[] chain : chains) {
      String iptables = "iptables -w -t " + chain[0];
      script.append(iptables).append(" -S ").append(chain[1]).append(" | grep -- '").append(tag)
          .append("' | sed 's/^-A /-D /' | while read -r rule; do eval ").append(iptables)
          .append(" \"$rule\"; done\n");
    }
    if (fault.kind() == Fault.Kind.BANDWIDTH) {
      script.append("for dev in $(ls /sys/class/net | grep -v '^lo$'); do tc qdisc del dev \"$dev\" root 2>/dev/null "
          + "|| true; done\n");
    }
    script.append("exit 0\n");
    return script.toString();
  }
}
