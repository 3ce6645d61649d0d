package dev.tradewind.shared.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Layers the configuration: packaged defaults ({@code conf/tradewind.json}), then an optional file given as
 * {@code --conf FILE} or {@code TRADEWIND_CONFIG}, then one environment variable per known key.
 * A key's variable is {@code TRADEWIND_} + its path in upper snake case: {@code http.bodyLimitBytes} is
 * {@code TRADEWIND_HTTP_BODY_LIMIT_BYTES}. Only keys present in the defaults can be overridden, so a typo in a
 * variable name cannot silently configure nothing: {@link #unknownVariables} reports it.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "conf/tradewind.json";
  public static final String PREFIX = "TRADEWIND_";

  private ConfigLoader() {
  }

  public static JsonObject load(String[] args, Map<String, String> env) {
    JsonObject config = defaults();
    String file = fileArgument(args, env);
    if (file != null) {
      deepMerge(config, readFile(Path.of(file)));
    }
    applyEnvironment(config, env);
    return config;
  }

  public static JsonObject defaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new ConfigException(DEFAULTS_RESOURCE, "is missing from the class path");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(DEFAULTS_RESOURCE, "cannot be read: " + e.getMessage());
    }
  }

  /** Every overridable key with its environment variable, in document order. */
  public static Map<String, String> variables(JsonObject config) {
    Map<String, String> out = new LinkedHashMap<>();
    collect(config, "", out);
    return out;
  }

  public static java.util.List<String> unknownVariables(JsonObject config, Map<String, String> env) {
    var known = variables(config).values();
    return env.keySet().stream()
      .filter(k -> k.startsWith(PREFIX) && !k.equals("TRADEWIND_CONFIG") && !known.contains(k))
      .sorted().toList();
  }

  public static String variableFor(String dottedKey) {
    StringBuilder sb = new StringBuilder(PREFIX);
    for (String segment : dottedKey.split("\\.")) {
      if (sb.length() > PREFIX.length()) {
        sb.append('_');
      }
      sb.append(upperSnake(segment));
    }
    return sb.toString();
  }

  private static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
  }

  private static String fileArgument(String[] args, Map<String, String> env) {
    int i = Arrays.asList(args).indexOf("--conf");
    if (i >= 0) {
      if (i + 1 >= args.length) {
        throw new ConfigException("--conf", "needs a file path");
      }
      return args[i + 1];
    }
    String fromEnv = env.get("TRADEWIND_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
  }

  private static JsonObject readFile(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new ConfigException(path.toString(), "cannot be read: " + e.getMessage());
    } catch (io.vertx.core.json.DecodeException e) {
      throw new ConfigException(path.toString(), "is not valid JSON: " + e.getMessage());
    }
  }

  private static void deepMerge(JsonObject target, JsonObject overrides) {
    for (String key : overrides.fieldNames()) {
      Object value = overrides.getValue(key);
      if (value instanceof JsonObject child && target.getValue(key) instanceof JsonObject existing) {
        deepMerge(existing, child);
      } else {
        target.put(key, value);
      }
    }
  }

  private static void collect(JsonObject node, String prefix, Map<String, String> out) {
    for (String key : node.fieldNames()) {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (node.getValue(key) instanceof JsonObject child) {
        collect(child, path, out);
      } else {
        out.put(path, variableFor(path));
      }
    }
  }

  private static void applyEnvironment(JsonObject config, Map<String, String> env) {
    variables(config).forEach((path, variable) -> {
      String raw = env.get(variable);
      if (raw != null) {
        set(config, path, variable, raw);
      }
    });
  }

  private static void set(JsonObject config, String path, String variable, String raw) {
    String[] segments = path.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < segments.length - 1; i++) {
      node = node.getJsonObject(segments[i]);
    }
    String leaf = segments[segments.length - 1];
    node.put(leaf, coerce(node.getValue(leaf), raw.trim(), variable));
  }

  private static Object coerce(Object current, String raw, String variable) {
    try {
      if (current instanceof Boolean) {
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException();
        }
        return Boolean.parseBoolean(raw);
      }
      if (current instanceof Integer) {
        return Integer.parseInt(raw);
      }
      if (current instanceof Long) {
        return Long.parseLong(raw);
      }
      if (current instanceof Number) {
        return new java.math.BigDecimal(raw);
      }
      if (current instanceof JsonArray) {
        return new JsonArray(Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(variable, "must be " + kind(current) + ", got '" + raw + "'");
    }
  }

  private static String kind(Object current) {
    if (current instanceof Boolean) {
      return "true or false";
    }
    return current instanceof Integer || current instanceof Long ? "a whole number" : "a number";
  }
}
