package dev.tradewind.shared.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Typed, validated reads from one section of the configuration, each failure naming the full key. */
public final class Settings {
  private final JsonObject section;
  private final String name;

  private Settings(JsonObject section, String name) {
    this.section = section;
    this.name = name;
  }

  public static Settings of(JsonObject config, String name) {
    JsonObject section = config.getJsonObject(name);
    if (section == null) {
      throw new ConfigException(name, "section is missing");
    }
    return new Settings(section, name);
  }

  public JsonObject raw() {
    return section;
  }

  public String string(String key) {
    Object value = section.getValue(key);
    if (!(value instanceof String s)) {
      throw new ConfigException(name + "." + key, "must be a string");
    }
    return s;
  }

  public String nonBlank(String key) {
    String value = string(key);
    if (value.isBlank()) {
      throw new ConfigException(name + "." + key, "must not be blank");
    }
    return value;
  }

  public boolean bool(String key) {
    Object value = section.getValue(key);
    if (!(value instanceof Boolean b)) {
      throw new ConfigException(name + "." + key, "must be true or false");
    }
    return b;
  }

  public long number(String key, long min, long max) {
    Object value = section.getValue(key);
    if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
      throw new ConfigException(name + "." + key, "must be a whole number");
    }
    long v = ((Number) value).longValue();
    if (v < min || v > max) {
      throw new ConfigException(name + "." + key, "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public int integer(String key, int min, int max) {
    return (int) number(key, min, max);
  }

  public int port(String key) {
    return integer(key, 0, 65535);
  }

  public List<String> strings(String key) {
    Object value = section.getValue(key);
    if (!(value instanceof JsonArray array) || !array.stream().allMatch(String.class::isInstance)) {
      throw new ConfigException(name + "." + key, "must be a list of strings");
    }
    return array.stream().map(String.class::cast).toList();
  }
}
