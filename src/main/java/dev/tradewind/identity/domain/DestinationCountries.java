package dev.tradewind.identity.domain;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The countries Tradewind ships to, as ISO 3166-1 alpha-2 codes: the 27 EU member states, the rest of western
 * Europe we serve (GB, CH, NO), North America (US, CA, MX), Asia-Pacific (AU, NZ, JP, KR, CN, SG, IN), Brazil,
 * the UAE, South Africa and Nigeria. A country added here also needs a rule in {@link PostalCodeRules}.
 */
public final class DestinationCountries {
  private static final Set<String> EU = Set.of(
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU");
  private static final Set<String> BEYOND_EU = Set.of(
    "GB", "CH", "NO", "US", "CA", "MX", "AU", "NZ", "JP", "KR", "CN", "SG", "IN", "BR", "AE", "ZA", "NG");
  private static final Set<String> ALL = sorted();

  private DestinationCountries() {
  }

  public static boolean isDestination(String iso2) {
    return iso2 != null && ALL.contains(iso2.toUpperCase(Locale.ROOT));
  }

  /** In alphabetical order, so lists built from it read the same every time. */
  public static Set<String> all() {
    return ALL;
  }

  private static Set<String> sorted() {
    TreeSet<String> all = new TreeSet<>(EU);
    all.addAll(BEYOND_EU);
    return Collections.unmodifiableSortedSet(all);
  }
}
