package dev.tradewind.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String[] NO_ARGS = {};

  private static JsonObject load(Map<String, String> env) {
    return ConfigLoader.load(NO_ARGS, env);
  }

  private static Object value(JsonObject config, String dottedKey) {
    String[] segments = dottedKey.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < segments.length - 1; i++) {
      node = node.getJsonObject(segments[i]);
    }
    return node.getValue(segments[segments.length - 1]);
  }

  @Nested
  @DisplayName("packaged defaults")
  class Defaults {
    @Test
    @DisplayName("load from conf/tradewind.json on the class path with their JSON types")
    void loadFromTheClassPath() {
      JsonObject defaults = ConfigLoader.defaults();

      assertThat(value(defaults, "http.port")).isEqualTo(8080);
      assertThat(value(defaults, "http.bodyLimitBytes")).isEqualTo(1048576);
      assertThat(value(defaults, "demo.enabled")).isEqualTo(false);
      assertThat(value(defaults, "http.corsAllowedOrigins")).isEqualTo(new JsonArray().add("http://localhost:3000"));
      assertThat(value(defaults, "fx.rates.USD")).isEqualTo("1.0812");
    }

    @Test
    @DisplayName("are the whole configuration when no file and no variable is given")
    void areTheConfigurationWithoutOverrides() {
      assertThat(load(Map.of())).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    @DisplayName("every key maps to its own environment variable, so no two keys can be set by one variable")
    void everyKeyHasADistinctVariable() {
      Map<String, String> variables = ConfigLoader.variables(ConfigLoader.defaults());

      assertThat(variables).hasSizeGreaterThan(30);
      assertThat(variables.values()).doesNotHaveDuplicates().allMatch(name -> name.startsWith(ConfigLoader.PREFIX));
    }
  }

  @Nested
  @DisplayName("environment variables")
  class Environment {
    @Test
    @DisplayName("are named TRADEWIND_ plus the key's path in upper snake case")
    void followTheDocumentedNaming() {
      assertThat(ConfigLoader.variableFor("http.bodyLimitBytes")).isEqualTo("TRADEWIND_HTTP_BODY_LIMIT_BYTES");
      assertThat(ConfigLoader.variableFor("db.url")).isEqualTo("TRADEWIND_DB_URL");
      assertThat(ConfigLoader.variableFor("fx.rates.USD")).isEqualTo("TRADEWIND_FX_RATES_USD");
      assertThat(ConfigLoader.variables(ConfigLoader.defaults()))
        .containsEntry("http.bodyLimitBytes", "TRADEWIND_HTTP_BODY_LIMIT_BYTES")
        .containsEntry("db.url", "TRADEWIND_DB_URL")
        .containsEntry("fx.rates.USD", "TRADEWIND_FX_RATES_USD");
    }

    @Test
    @DisplayName("override a default, keeping the default's type: int, boolean, string and comma-separated list")
    void overrideWithTypeCoercion() {
      JsonObject config = load(Map.of(
        "TRADEWIND_HTTP_BODY_LIMIT_BYTES", " 2048 ",
        "TRADEWIND_DB_URL", "postgresql://db.internal:5432/tradewind",
        "TRADEWIND_FX_RATES_USD", "1.0950",
        "TRADEWIND_DEMO_ENABLED", "TRUE",
        "TRADEWIND_HTTP_CORS_ALLOWED_ORIGINS", "https://shop.example, https://admin.example,"));

      assertThat(value(config, "http.bodyLimitBytes")).isEqualTo(2048);
      assertThat(value(config, "db.url")).isEqualTo("postgresql://db.internal:5432/tradewind");
      assertThat(value(config, "fx.rates.USD")).isEqualTo("1.0950");
      assertThat(value(config, "demo.enabled")).isEqualTo(true);
      assertThat(value(config, "http.corsAllowedOrigins"))
        .isEqualTo(new JsonArray().add("https://shop.example").add("https://admin.example"));
      assertThat(value(config, "http.port")).as("keys without a variable keep their default").isEqualTo(8080);
    }

    @Test
    @DisplayName("a number variable that is not a number fails, naming the variable")
    void wrongNumberNamesTheVariable() {
      assertThatThrownBy(() -> load(Map.of("TRADEWIND_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRADEWIND_HTTP_PORT")
        .hasMessageContaining("eighty");
    }

    @Test
    @DisplayName("a boolean variable that is neither true nor false fails, naming the variable")
    void wrongBooleanNamesTheVariable() {
      assertThatThrownBy(() -> load(Map.of("TRADEWIND_DEMO_ENABLED", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRADEWIND_DEMO_ENABLED");
    }

    @Test
    @DisplayName("a misspelt TRADEWIND_ variable is reported; other variables and TRADEWIND_CONFIG are not")
    void unknownVariablesAreReported() {
      Map<String, String> env = Map.of(
        "TRADEWIND_HTTP_PROT", "9090",
        "TRADEWIND_DB_URL", "postgresql://db",
        "TRADEWIND_CONFIG", "/etc/tradewind.json",
        "PATH", "/usr/bin",
        "HOME", "/root");

      assertThat(ConfigLoader.unknownVariables(ConfigLoader.defaults(), env)).containsExactly("TRADEWIND_HTTP_PROT");
    }
  }

  @Nested
  @DisplayName("a configuration file")
  class ConfigFile {
    @TempDir
    Path dir;

    private String write(String json) throws IOException {
      Path file = dir.resolve("tradewind-" + System.nanoTime() + ".json");
      Files.writeString(file, json);
      return file.toString();
    }

    @Test
    @DisplayName("given with --conf is merged deeply over the defaults, keeping the keys it does not mention")
    void mergesDeeplyOverDefaults() throws IOException {
      String file = write("{\"http\": {\"port\": 9090}, \"fx\": {\"rates\": {\"USD\": \"1.2\"}}}");

      JsonObject config = ConfigLoader.load(new String[] {"--conf", file}, Map.of());

      assertThat(value(config, "http.port")).isEqualTo(9090);
      assertThat(value(config, "http.host")).isEqualTo("0.0.0.0");
      assertThat(value(config, "fx.rates.USD")).isEqualTo("1.2");
      assertThat(value(config, "fx.rates.GBP")).isEqualTo("0.8447");
      assertThat(value(config, "db.poolSize")).isEqualTo(16);
    }

    @Test
    @DisplayName("loses to an environment variable for the same key")
    void environmentWinsOverTheFile() throws IOException {
      String file = write("{\"http\": {\"port\": 9090, \"host\": \"127.0.0.1\"}}");

      JsonObject config = ConfigLoader.load(new String[] {"--conf", file}, Map.of("TRADEWIND_HTTP_PORT", "7070"));

      assertThat(value(config, "http.port")).isEqualTo(7070);
      assertThat(value(config, "http.host")).isEqualTo("127.0.0.1");
    }

    @Test
    @DisplayName("can also be selected with TRADEWIND_CONFIG")
    void selectedByEnvironment() throws IOException {
      String file = write("{\"db\": {\"poolSize\": 4}}");

      JsonObject config = load(Map.of("TRADEWIND_CONFIG", file));

      assertThat(value(config, "db.poolSize")).isEqualTo(4);
    }

    @Test
    @DisplayName("given with --conf wins over the one named by TRADEWIND_CONFIG")
    void argumentWinsOverEnvironmentFile() throws IOException {
      String fromArgument = write("{\"db\": {\"poolSize\": 4}}");
      String fromEnvironment = write("{\"db\": {\"poolSize\": 8}}");

      JsonObject config = ConfigLoader.load(new String[] {"--conf", fromArgument}, Map.of("TRADEWIND_CONFIG", fromEnvironment));

      assertThat(value(config, "db.poolSize")).isEqualTo(4);
    }

    @Test
    @DisplayName("that is missing, not JSON, or not given after --conf fails, naming what is wrong")
    void badFilesFailClearly() throws IOException {
      String missing = dir.resolve("absent.json").toString();
      String broken = write("{\"http\": ");

      assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--conf", missing}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(missing);
      assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--conf", broken}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(broken).hasMessageContaining("not valid JSON");
      assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--conf"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--conf");
    }
  }

  @Nested
  @DisplayName("settings")
  class SettingsReads {
    private final JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("port", 70000).put("instances", -1).put("host", 42).put("ratio", 1.5));

    @Test
    @DisplayName("out of range fail with the full key and the range")
    void rangeChecksNameTheFullKey() {
      Settings http = Settings.of(config, "http");

      assertThatThrownBy(() -> http.port("port"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port")
        .hasMessageContaining("between 0 and 65535")
        .hasMessageContaining("70000");
      assertThatThrownBy(() -> http.integer("instances", 0, 64))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.instances");
    }

    @Test
    @DisplayName("of the wrong type fail with the full key")
    void wrongTypesNameTheFullKey() {
      Settings http = Settings.of(config, "http");

      assertThatThrownBy(() -> http.string("host")).isInstanceOf(ConfigException.class).hasMessageContaining("http.host");
      assertThatThrownBy(() -> http.number("ratio", 0, 10)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.ratio").hasMessageContaining("whole number");
      assertThatThrownBy(() -> http.bool("port")).isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    }

    @Test
    @DisplayName("from a missing section fail naming the section")
    void missingSectionIsNamed() {
      assertThatThrownBy(() -> Settings.of(config, "payments"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("payments");
    }

    @Test
    @DisplayName("of the packaged defaults all pass their checks")
    void defaultsAreValid() {
      Settings http = Settings.of(ConfigLoader.defaults(), "http");

      assertThat(http.port("port")).isEqualTo(8080);
      assertThat(http.strings("corsAllowedOrigins")).containsExactly("http://localhost:3000");
    }
  }
}
