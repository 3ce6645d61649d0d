package dev.tradewind.catalog.application;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Picks the content language from an {@code Accept-Language} header, falling back to the given default. */
final class ContentLanguage {
  private ContentLanguage() {
  }

  static String choose(String acceptLanguage, Collection<String> available, String fallback) {
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String wanted = range.getRange().toLowerCase(Locale.ROOT);
          for (String candidate : List.copyOf(available)) {
            String have = candidate.toLowerCase(Locale.ROOT);
            if (have.equals(wanted) || have.split("-")[0].equals(wanted.split("-")[0])) {
              return candidate;
            }
          }
        }
      } catch (IllegalArgumentException malformed) {
        return available.contains(fallback) || available.isEmpty() ? fallback : available.iterator().next();
      }
    }
    return available.contains(fallback) || available.isEmpty() ? fallback : available.iterator().next();
  }
}
