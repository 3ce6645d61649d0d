package dev.tradewind.shared.geo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code ("GB", "JP"); parsing is case-insensitive, the code is kept in upper case. */
public record CountryCode(String code) {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  public CountryCode {
    if (code == null) {
      throw new IllegalArgumentException("country code is required");
    }
    code = code.toUpperCase(Locale.ROOT);
    if (!ISO_COUNTRIES.contains(code)) {
      throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country code");
    }
  }

  @JsonCreator
  public static CountryCode of(String code) {
    return new CountryCode(code);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
