package io.github.lbstack.samples.bench;

import io.github.lbstack.Database;
import io.github.lbstack.LbType;
import io.github.lbstack.RunningStack;
import io.github.lbstack.StackDefinition;
import java.util.List;

/**
 * lbstack's builder: the same definition the sample tests use, image from the Dockerfile or the jar, in a given
 * start order ({@code lbstack.startup.order}), with or without warm spares.
 */
final class LbstackVariant implements Variant {

  private final String name;
  private final boolean jar;
  private final String order;
  private final int spares;
  private final Database database;
  private final LbType lb;

  private LbstackVariant(String name, boolean jar, String order, int spares, Database database) {
    this(name, jar, order, spares, database, LbType.HAPROXY);
  }

  private LbstackVariant(String name, boolean jar, String order, int spares, Database database, LbType lb) {
    this.name = name;
    this.jar = jar;
    this.order = order;
    this.spares = spares;
    this.database = database;
    this.lb = lb;
  }

  /** lbstack as it comes: the default start order (database and lb first). */
  static LbstackVariant standard() {
    return new LbstackVariant("lbstack", false, "database-and-lb-first", 0, Database.MYSQL);
  }

  static LbstackVariant jarMode() {
    return new LbstackVariant("lbstack, jar mode", true, "database-and-lb-first", 0, Database.MYSQL);
  }

  static LbstackVariant order(String order) {
    return new LbstackVariant("lbstack, " + order.replace('-', ' '), false, order, 0, Database.MYSQL);
  }

  static LbstackVariant spares(int spares) {
    return new LbstackVariant("lbstack, " + spares + " spares", false, "database-and-lb-first", spares,
        Database.MYSQL);
  }

  /** The standard stack on PostgreSQL instead of MySQL: the same app, which reads DB_KIND. */
  static LbstackVariant postgres() {
    return new LbstackVariant("lbstack on PostgreSQL", false, "database-and-lb-first", 0, Database.POSTGRES);
  }

  /** The standard stack behind nginx instead of HAProxy. */
  static LbstackVariant nginx() {
    return new LbstackVariant("lbstack on nginx", false, "database-and-lb-first", 0, Database.MYSQL, LbType.NGINX);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Running start() throws Exception {
    // Code-started stacks read their configuration from system properties.
    System.setProperty("lbstack.startup.order", order);
    StackDefinition.Builder builder = StackDefinition.builder().replicas(3).spares(spares).database(database)
        .lbType(lb);
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
        List<String> names = new java.util.ArrayList<>(List.of("lb", database.name().toLowerCase(), "redis"));
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
