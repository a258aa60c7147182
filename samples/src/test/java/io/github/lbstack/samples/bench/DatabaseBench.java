package io.github.lbstack.samples.bench;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database that starts warm, measured apart: one database container, as lbstack starts it (the official
 * variables, data on tmpfs, the fast options), from {@code docker run} until the stack's user logs in from the test
 * JVM; the base image against the warm image lbstack derived from it, interleaved. Then the quickstart stack with
 * {@code lbstack.database.warm} on and off, on MySQL and on PostgreSQL.
 */
final class DatabaseBench {

  static final String POSTGRES = System.getProperty("lbstack.image.postgres", "postgres:17");
  private static final String WARM = "lbstack.database.warm";

  private DatabaseBench() {}

  record Figures(Map<String, Samples> container, Map<String, Samples> stack) {}

  static Figures measure(int runs) throws Exception {
    // A stack of each kind, warm: it derives the warm images if they are missing (not timed).
    System.setProperty(WARM, "true");
    LbstackVariant.standard().start().close();
    LbstackVariant.postgres().start().close();
    Map<String, String> images = new LinkedHashMap<>();
    images.put("MySQL image (" + Setup.MYSQL + ")", Setup.MYSQL);
    images.put("MySQL, warm image", warmImageOf(Setup.MYSQL));
    images.put("PostgreSQL image (" + POSTGRES + ")", POSTGRES);
    images.put("PostgreSQL, warm image", warmImageOf(POSTGRES));
    Map<String, Samples> container = new LinkedHashMap<>();
    images.keySet().forEach(name -> container.put(name, new Samples()));
    Map<String, Variant> stacks = new LinkedHashMap<>();
    stacks.put("quickstart on MySQL, warm", LbstackVariant.standard());
    stacks.put("quickstart on MySQL, cold", LbstackVariant.standard());
    stacks.put("quickstart on PostgreSQL, warm", LbstackVariant.postgres());
    stacks.put("quickstart on PostgreSQL, cold", LbstackVariant.postgres());
    Map<String, Samples> stack = new LinkedHashMap<>();
    stacks.keySet().forEach(name -> stack.put(name, new Samples()));
    try {
      for (int run = 1; run <= runs; run++) {
        for (var image : images.entrySet()) {
          container.get(image.getKey()).add(toLogin(image.getValue(), image.getKey().startsWith("MySQL")));
        }
        for (var variant : stacks.entrySet()) {
          System.setProperty(WARM, Boolean.toString(variant.getKey().endsWith("warm")));
          long start = System.nanoTime();
          variant.getValue().start().close();
          stack.get(variant.getKey()).add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("database run %d done%n", run);
      }
    } finally {
      System.clearProperty(WARM);
    }
    return new Figures(container, stack);
  }

  private static String warmImageOf(String base) throws Exception {
    String id = Setup.run(List.of("docker", "images", "-q", "--filter", "label=io.github.lbstack.warm-of=" + base))
        .strip().split("\n")[0];
    if (id.isEmpty()) {
      throw new IllegalStateException("no warm image of " + base + " after a warm stack: is warming off?");
    }
    return id;
  }

  /** @return milliseconds from {@code docker run} until the stack's user logs in */
  private static double toLogin(String image, boolean mysql) throws Exception {
    List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "-p", "127.0.0.1::" + (mysql ? 3306 : 5432)));
    if (mysql) {
      run.addAll(List.of("--tmpfs", "/var/lib/mysql", "-e", "MYSQL_ROOT_PASSWORD=root-secret", "-e",
          "MYSQL_DATABASE=" + Setup.DB, "-e", "MYSQL_USER=" + Setup.USER, "-e", "MYSQL_PASSWORD=" + Setup.PASSWORD,
          image, "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=OFF", "--skip-log-bin"));
    } else {
      run.addAll(List.of("--tmpfs", "/var/lib/postgresql/data", "-e", "PGDATA=/var/lib/postgresql/data", "-e",
          "POSTGRES_DB=" + Setup.DB, "-e", "POSTGRES_USER=" + Setup.USER, "-e", "POSTGRES_PASSWORD=" + Setup.PASSWORD,
          "-e", "POSTGRES_INITDB_ARGS=--no-sync", image, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
          "full_page_writes=off"));
    }
    long start = System.nanoTime();
    String container = Setup.run(run).strip();
    try {
      String hostPort = "127.0.0.1:" + BareStarts.published(container, mysql ? 3306 : 5432);
      String jdbc = mysql ? "jdbc:mysql://" + hostPort + "/" + Setup.DB + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
          : "jdbc:postgresql://" + hostPort + "/" + Setup.DB;
      Ready.poll(System.nanoTime() + Ready.LIMIT.toNanos(), image, () -> {
        try (var connection = DriverManager.getConnection(jdbc, Setup.USER, Setup.PASSWORD)) {
          return connection.isValid(1);
        }
      });
      return (System.nanoTime() - start) / 1e6;
    } finally {
      Setup.run(List.of("docker", "rm", "-f", container));
    }
  }
}
