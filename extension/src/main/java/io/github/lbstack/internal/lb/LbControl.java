package io.github.lbstack.internal.lb;

import java.util.Map;
import java.util.function.Function;

/** What the core reads from and tells the load balancer while a stack runs. */
public interface LbControl {

  /** Server name to status ({@code UP}, {@code DOWN}, {@code MAINT}...), for every slot of the replicas' backend. */
  Map<String, String> statuses();

  /** Status with the last check's result, e.g. {@code "DOWN (L4CON: Connection refused)"}, for messages. */
  Map<String, String> explainedStatuses();

  /**
   * For the message of a wait that already failed: {@code describe} applied to {@link #explainedStatuses()}, or why
   * the lb could not be asked. A busy lb whose stats page times out then adds to the message instead of replacing it.
   */
  default String explain(Function<Map<String, String>, String> describe) {
    Map<String, String> statuses;
    try {
      statuses = explainedStatuses();
    } catch (RuntimeException e) {
      return "(the lb could not be asked: " + e.getMessage() + ")";
    }
    return describe.apply(statuses);
  }

  /** Server name to the number of requests the lb sent it since it started. */
  Map<String, Long> requestsServed();

  /** Server name to the responses that failed: 5xx answers and connection or response errors. */
  Map<String, Long> failedResponses();

  /** Every backend of the lb's config to the HTTP requests it has received since the lb started. */
  Map<String, Long> backendRequests();

  /**
   * The HTTP responses the lb has finished over its frontends; a request counts here and in
   * {@link #backendRequests()} at once, when the lb has finished it.
   */
  long responsesSent();

  /**
   * The HTTP requests the lb has received and not yet counted in {@link #responsesSent()}: 0 once it has finished
   * everything sent to it, so that counters read then hold no request still to land.
   */
  long requestsUnderWay();

  /** Server name to its open sessions. */
  Map<String, Long> openSessions();

  /** Puts a server in {@code ready}, {@code drain} or {@code maint} state. */
  void setState(String server, String state);

  /**
   * Readies a server to be switched to: the lb checks it, but sends it no requests yet. For a blue/green switch,
   * followed by {@link #isStaged} and {@link #switchOver}.
   */
  void stage(String server);

  /**
   * Whether every one of these staged servers passes the lb's check, so {@link #switchOver} can put them in rotation
   * at once. One look at the lb serves them all, where it can.
   */
  boolean areStaged(java.util.Collection<String> servers);

  /** In one step, puts {@code in} in rotation and drains {@code out}: no request goes to both sets. */
  void switchOver(java.util.Collection<String> in, java.util.Collection<String> out);
}
