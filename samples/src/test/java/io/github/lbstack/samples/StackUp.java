package io.github.lbstack.samples;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Brings the quickstart stack up for a person, outside tests, and keeps it up until Ctrl-C; then everything is
 * removed. Run it with {@code ./run stack-up} (or {@code mvn -pl samples -am -DskipTests package exec:java}).
 * {@code -Dreplicas=5} changes the number of replicas; the {@code lbstack.image.*} properties work as in tests.
 */
public final class StackUp {

  private StackUp() {}

  public static void main(String[] args) throws InterruptedException {
    int replicas = Integer.getInteger("replicas", 3);
    RunningStack stack = StackDefinition.builder()
        .replicas(replicas)
        .dockerfile(QuickstartStack.DOCKERFILE, QuickstartStack.BASE_IMAGE_ARG)
        .baseDirectory(Path.of(System.getProperty("samples.basedir", "")))
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping stack " + stack.id() + " and removing its containers and network...");
      stack.close();
      System.out.println("Stack " + stack.id() + " removed.");
      stopped.countDown();
    }, "stack-up-shutdown"));

    StringBuilder out = new StringBuilder();
    out.append("\nQuickstart stack ").append(stack.id()).append(" is up.\n");
    out.append("  Open in a browser: ").append(stack.lbUri()).append("/\n");
    for (Replica replica : stack.replicas()) {
      out.append("  Replica:           ").append(replica.hostname()).append(" at ").append(replica.uri()).append('\n');
    }
    out.append("  MySQL (JDBC):      ").append(stack.jdbcUrl()).append('\n');
    out.append("    user / password: ").append(stack.databaseUser()).append(" / ").append(stack.databasePassword())
        .append('\n');
    out.append("  Redis:             ").append(stack.redisUri()).append('\n');
    out.append("Press Ctrl-C to stop it and remove everything.\n");
    System.out.println(out);
    System.out.flush();
    stopped.await();
  }
}
