package io.github.lbstack.samples.quickstart;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.zaxxer.hikari.HikariConfig;
import io.javalin.Javalin;
import org.flywaydb.core.Flyway;
import redis.clients.jedis.JedisPooled;

/**
 * A start-up without MySQL or Redis, run once while the image is built, so the JVM can archive the classes start-up
 * loads (AppCDS, {@code -XX:ArchiveClassesAtExit}). Replicas then start from that archive, which halves class
 * loading, the largest part of their start-up time.
 */
final class CdsTraining {

  private CdsTraining() {}

  static void run() throws Exception {
    Class.forName("com.mysql.cj.jdbc.Driver");
    Class.forName("org.postgresql.Driver");
    new HikariConfig().setJdbcUrl("jdbc:mysql://localhost:1/training");
    Flyway.configure().dataSource("jdbc:mysql://localhost:1/training", "training", "training").load();
    BCrypt.verifyer().verify("training".toCharArray(), BCrypt.withDefaults().hashToString(4, "training".toCharArray()));
    new JedisPooled("localhost", 1).close();
    Javalin server = Javalin.create(config -> config.showJavalinBanner = false);
    server.get("/", ctx -> ctx.html(Pages.login("training", null)));
    server.start(0);
    server.stop();
  }
}
