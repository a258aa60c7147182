package io.github.lbstack.samples.quickstart;

/** The app's settings, from the classic {@code .env} contract that lbstack passes to every replica. */
record Settings(String dbHost, int dbPort, String dbDatabase, String dbUsername, String dbPassword,
    String redisHost, int redisPort, int port) {

  static Settings fromEnvironment() {
    return new Settings(
        env("DB_HOST", "localhost"), Integer.parseInt(env("DB_PORT", "3306")), env("DB_DATABASE", "quickstart"),
        env("DB_USERNAME", "quickstart"), env("DB_PASSWORD", ""),
        env("REDIS_HOST", "localhost"), Integer.parseInt(env("REDIS_PORT", "6379")),
        Integer.parseInt(env("PORT", "8080")));
  }

  String jdbcUrl() {
    return "jdbc:mysql://" + dbHost + ":" + dbPort + "/" + dbDatabase
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=2000";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
