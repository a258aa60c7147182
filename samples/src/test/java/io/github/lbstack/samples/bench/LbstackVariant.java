package io.github.lbstack.samples.bench;

import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import java.util.List;

/** lbstack's builder: the same definition the sample tests use, image from the Dockerfile or the jar. */
final class LbstackVariant implements Variant {

  private final boolean jar;

  LbstackVariant(boolean jar) {
    this.jar = jar;
  }

  @Override
  public String name() {
    return jar ? "lbstack, jar mode" : "lbstack";
  }

  @Override
  public Running start() throws Exception {
    StackDefinition.Builder builder = StackDefinition.builder().replicas(3);
    if (jar) {
      builder.jar(Setup.JAR);
    } else {
      builder.dockerfile(Setup.DOCKERFILE, "BASE_IMAGE=${image.jre}");
    }
    RunningStack stack = builder.start();
    Ready.await(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword(), stack.redisUri().getHost(),
        stack.redisUri().getPort(), stack.lbUri(), 3);
    return new Running() {
      @Override
      public void scaleTo(int replicas) {
        stack.scaleTo(replicas);
      }

      @Override
      public List<String> containers() {
        List<String> names = new java.util.ArrayList<>(List.of("lb", "mysql", "redis"));
        stack.replicas().forEach(replica -> names.add(replica.hostname()));
        return names.stream().map(service -> "lbstack-" + stack.id() + "-" + service).toList();
      }

      @Override
      public void close() {
        stack.close();
      }
    };
  }
}
