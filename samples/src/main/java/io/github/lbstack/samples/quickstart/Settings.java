package io.github.lbstack.samples.quickstart;

/** The app's settings, from the classic {@code .env} contract that lbstack passes to every replica. */
record Settings(String dbKind, String dbHost, int dbPort, String dbDatabase, String dbUsername, String dbPassword,
    String redisHost, int redisPort, int port) {

  static Settings fromEnvironment() {
    // DB_KIND is the JDBC sub-protocol: mysql, or postgresql for @LoadBalancedStack(database = POSTGRES).
    String kind = env("DB_KIND", "mysql");
    return new Settings(kind,
        env("DB_HOST", "localhost"), Integer.parseInt(env("DB_PORT", kind.equals("postgresql") ? "5432" : "3306")), env("DB_DATABASE", "quickstart"),
        env("DB_USERNAME", "quickstart"), env("DB_PASSWORD", ""),
        env("REDIS_HOST", "localhost"), Integer.parseInt(env("REDIS_PORT", "6379")),
        Integer.parseInt(env("PORT", "8080")));
  }

  String jdbcUrl() {
    if (dbKind.equals("postgresql")) {
      return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbDatabase + "?connectTimeout=2";
    }
    return "jdbc:mysql://" + dbHost + ":" + dbPort + "/" + dbDatabase
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=2000";
  }

  /** Where this database's migrations are: SQL differs a little between MySQL and PostgreSQL. */
  String migrations() {
    return "classpath:db/migration/" + dbKind;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
