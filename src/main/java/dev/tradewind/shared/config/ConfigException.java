package dev.tradewind.shared.config;

/** A configuration value that is missing or breaks its rule; names the key so the operator can fix it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String key, String problem) {
    super("configuration " + key + " " + problem);
  }
}
