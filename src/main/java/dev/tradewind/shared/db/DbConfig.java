package dev.tradewind.shared.db;

import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The {@code db} section: {@code url} as {@code postgresql://user@host:port/database}, the password apart from
 * it (a secret, so from the environment), and how much of the database the platform may hold at once.
 */
public record DbConfig(String url, String password, int poolSize, int maxWaitQueue, int connectTimeoutMs,
                       int pipeliningLimit) {

  public static DbConfig from(JsonObject config) {
    Settings s = Settings.of(config, "db");
    DbConfig db = new DbConfig(s.nonBlank("url"), s.string("password"), s.integer("poolSize", 1, 1024),
      s.integer("maxWaitQueue", 0, 1_000_000), s.integer("connectTimeoutMs", 100, 600_000),
      s.integer("pipeliningLimit", 1, 4096));
    db.connectOptions();
    return db;
  }

  public PgConnectOptions connectOptions() {
    try {
      PgConnectOptions options = PgConnectOptions.fromUri(url);
      if (!password.isEmpty()) {
        options.setPassword(password);
      }
      return options;
    } catch (RuntimeException e) {
      throw new ConfigException("db.url", "must look like postgresql://user@host:port/database");
    }
  }

  public String jdbcUrl() {
    PgConnectOptions o = connectOptions();
    return "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
  }

  public String user() {
    return connectOptions().getUser();
  }
}
