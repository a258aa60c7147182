package io.github.lbstack.samples.bench;

import io.github.lbstack.Release;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import io.github.lbstack.traffic.Distribution;
import io.github.lbstack.traffic.Load;
import io.github.lbstack.traffic.LoadResult;
import io.github.lbstack.traffic.LoadRun;
import io.github.lbstack.traffic.Traffic;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Release drills and the load generator, on one quickstart stack ({@code -Dbench.deploy-only=true}):
 * <ul>
 *   <li>a rolling deploy of 3 replicas and a blue/green switch, against the same stack's {@code scaleTo(6)} (start 3
 *       replicas at once) as the baseline, interleaved;</li>
 *   <li>the open-model generator at rising rates: the rate it kept, how late it started requests, and the test
 *       JVM's CPU per 1,000 requests against the closed-model {@code Traffic} (REST-assured, one request after
 *       another per client) sending as many requests, interleaved.</li>
 * </ul>
 */
final class DeployBench {

  record Figures(Map<String, Samples> deploys, Map<String, Samples> rates, Map<String, Samples> lag,
      Map<String, Samples> cpu) {}

  private DeployBench() {}

  static Figures measure(int runs) {
    Map<String, Samples> deploys = new LinkedHashMap<>();
    Map<String, Samples> rates = new LinkedHashMap<>();
    Map<String, Samples> lag = new LinkedHashMap<>();
    Map<String, Samples> cpu = new LinkedHashMap<>();
    try (RunningStack stack = StackDefinition.builder().replicas(3)
        .dockerfile(Setup.DOCKERFILE, "BASE_IMAGE=${image.jre}").webVersion("1").start()) {
      // Warm-up, not counted: the release's first start, class loading of the clients.
      stack.rollOut(Release.image(Setup.APP).version("warm-up"));
      stack.rollBack();
      Load.through(stack).path("/health").rate(100).start().awaitCompleted(200).stop();
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        stack.scaleTo(6);
        add(deploys, "baseline: scaleTo(6), 3 replicas started at once", millisSince(start));
        stack.scaleTo(3);
        start = System.nanoTime();
        stack.rollOut(Release.image(Setup.APP).version("2"));
        add(deploys, "rolling deploy of 3 replicas (rollOut)", millisSince(start));
        start = System.nanoTime();
        stack.switchTo(Release.image(Setup.APP).version("3"));
        add(deploys, "blue/green switch of 3 replicas (switchTo)", millisSince(start));
        stack.rollBack();
        for (int rate : new int[] {50, 200, 400}) {
          int requests = rate * 5;
          long cpuBefore = processCpuNanos();
          LoadResult result;
          try (LoadRun load = Load.through(stack).path("/health").rate(rate).start()) {
            load.awaitCompleted(requests);
            result = load.stop();
          }
          double loadCpu = (processCpuNanos() - cpuBefore) / 1e6 / result.samples().size() * 1000;
          add(rates, rate + "/s asked", result.achievedRate());
          add(lag, rate + "/s asked", result.sendLag().getValueAtPercentile(99) / 1e6);
          add(cpu, "Load at " + rate + "/s", loadCpu);
          cpuBefore = processCpuNanos();
          Distribution closed = Traffic.through(stack).path("/health").clients(4).send(requests);
          add(cpu, "Traffic, 4 clients (baseline)",
              (processCpuNanos() - cpuBefore) / 1e6 / closed.requests().size() * 1000);
          System.out.printf("run %d: load %d/s kept %.1f/s, lag p99 %.1f ms, %.0f CPU-ms per 1000; errors %d%n", run,
              rate, result.achievedRate(), result.sendLag().getValueAtPercentile(99) / 1e6, loadCpu, result.errors());
        }
      }
    }
    return new Figures(deploys, rates, lag, cpu);
  }

  private static void add(Map<String, Samples> figures, String name, double value) {
    figures.computeIfAbsent(name, key -> new Samples()).add(value);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
