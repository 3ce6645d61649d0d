package dev.tradewind.catalog.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Which PostgreSQL text-search configuration stems a locale's words. Languages PostgreSQL cannot stem (Japanese,
 * Chinese, Korean) use {@code simple}; trigram similarity on titles still finds them.
 */
public final class TextSearchLanguage {
  private static final Map<String, String> CONFIGS = Map.ofEntries(
    Map.entry("en", "english"), Map.entry("pt", "portuguese"), Map.entry("es", "spanish"), Map.entry("de", "german"),
    Map.entry("fr", "french"), Map.entry("it", "italian"), Map.entry("nl", "dutch"), Map.entry("sv", "swedish"),
    Map.entry("da", "danish"), Map.entry("fi", "finnish"), Map.entry("hu", "hungarian"), Map.entry("ro", "romanian"),
    Map.entry("ru", "russian"), Map.entry("tr", "turkish"), Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"),
    Map.entry("el", "greek"), Map.entry("lt", "lithuanian"), Map.entry("id", "indonesian"));

  private TextSearchLanguage() {
  }

  public static String configFor(String locale) {
    String language = locale == null ? "" : locale.toLowerCase(Locale.ROOT).split("-")[0];
    return CONFIGS.getOrDefault(language, "simple");
  }
}
