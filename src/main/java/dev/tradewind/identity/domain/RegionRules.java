package dev.tradewind.identity.domain;

import dev.tradewind.identity.domain.AccountRules.Violation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The region (state, province, territory) of an address. Carriers route by it in the large federal countries,
 * so there it is required; in the US, Canada and Australia it is the postal abbreviation every label uses.
 */
public final class RegionRules {
  public static final String FIELD = "region";

  private static final Set<String> REQUIRED = Set.of("US", "CA", "AU", "BR", "MX", "IN", "CN");
  private static final Map<String, Abbreviations> ABBREVIATED = Map.of(
    "US", new Abbreviations("a US state or territory code (AA, AE, AP for the armed forces)", "NY", Set.of(
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
      "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
      "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
      "DC", "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW", "AA", "AE", "AP")),
    "CA", new Abbreviations("a Canadian province or territory code", "ON", Set.of(
      "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")),
    "AU", new Abbreviations("an Australian state or territory code", "NSW", Set.of(
      "ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")));

  private RegionRules() {
  }

  /** For a destination country, in upper case. */
  public static List<Violation> check(String country, String region) {
    String stored = normalize(country, region);
    if (stored == null) {
      return REQUIRED.contains(country)
        ? List.of(new Violation(FIELD, "required", "region is required for addresses in " + country))
        : List.of();
    }
    Abbreviations known = ABBREVIATED.get(country);
    if (known != null && !known.codes().contains(stored)) {
      return List.of(new Violation(FIELD, "known", "region must be " + known.what() + ", e.g. " + known.example()));
    }
    return List.of();
  }

  /** The region as stored: abbreviations upper-cased, names as typed; null when there is none. */
  public static String normalize(String country, String region) {
    if (region == null || region.isBlank()) {
      return null;
    }
    return ABBREVIATED.containsKey(country) ? region.strip().toUpperCase(Locale.ROOT) : region.strip();
  }

  private record Abbreviations(String what, String example, Set<String> codes) {
  }
}
