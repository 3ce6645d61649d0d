package dev.tradewind.identity.domain;

import dev.tradewind.identity.domain.AccountRules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a shipping address must meet before it is stored; every broken rule is reported, not just the first,
 * so the buyer can fix the whole form at once.
 */
public final class AddressRules {
  public static final int MAX_LABEL = 40;
  public static final int MAX_RECIPIENT = 120;
  public static final int MAX_LINE = 200;
  public static final int MAX_CITY = 100;
  public static final int MAX_REGION = 100;
  public static final int MAX_POSTAL_CODE = 20;
  public static final int MAX_PHONE = 40;

  private AddressRules() {
  }

  public static List<Violation> check(NewAddress typed) {
    List<Violation> out = new ArrayList<>();
    text("label", typed.label(), false, MAX_LABEL, out);
    text("recipient", typed.recipient(), true, MAX_RECIPIENT, out);
    text("line1", typed.line1(), true, MAX_LINE, out);
    text("line2", typed.line2(), false, MAX_LINE, out);
    text("city", typed.city(), true, MAX_CITY, out);
    String country = country(typed.country(), out);
    // Region and postal code only mean something once the country is known to be one we ship to.
    if (text(RegionRules.FIELD, typed.region(), false, MAX_REGION, out) && country != null) {
      out.addAll(RegionRules.check(country, typed.region()));
    }
    if (text(PostalCodeRules.FIELD, typed.postalCode(), false, MAX_POSTAL_CODE, out) && country != null) {
      out.addAll(PostalCodeRules.check(country, typed.postalCode()));
    }
    if (text(PhoneNumbers.FIELD, typed.phone(), true, MAX_PHONE, out)) {
      out.addAll(PhoneNumbers.toE164(typed.phone(), country).violations());
    }
    return out;
  }

  /** The address in its stored form; only for an address {@link #check} finds nothing wrong with. */
  public static NewAddress accept(NewAddress typed) {
    List<Violation> violations = check(typed);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("address breaks " + violations.size() + " rule(s): " + violations);
    }
    String country = typed.country().strip().toUpperCase(Locale.ROOT);
    return new NewAddress(stripped(typed.label()), stripped(typed.recipient()), stripped(typed.line1()),
      stripped(typed.line2()), stripped(typed.city()), RegionRules.normalize(country, typed.region()),
      PostalCodeRules.normalize(country, typed.postalCode()), country,
      PhoneNumbers.toE164(typed.phone(), country).e164(), typed.isDefault());
  }

  /** The destination country in upper case, or null (with the reason added) when it is missing or not served. */
  private static String country(String typed, List<Violation> out) {
    String country = stripped(typed);
    if (country == null) {
      out.add(new Violation("country", "required", "country is required"));
      return null;
    }
    if (!DestinationCountries.isDestination(country)) {
      out.add(new Violation("country", "destination",
        "country must be one Tradewind ships to, as an ISO 3166-1 alpha-2 code such as DE"));
      return null;
    }
    return country.toUpperCase(Locale.ROOT);
  }

  /**
   * Adds what is wrong with a text field; true when nothing is, so the field's own rules may look at it. Length
   * counts characters (code points), as PostgreSQL does, so a name in CJK or with emoji is not cut short.
   */
  private static boolean text(String field, String typed, boolean required, int max, List<Violation> out) {
    String value = stripped(typed);
    if (value == null) {
      if (required) {
        out.add(new Violation(field, "required", field + " is required"));
      }
      return !required;
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      out.add(new Violation(field, "characters", field + " must not contain control characters"));
      return false;
    }
    if (value.codePointCount(0, value.length()) > max) {
      out.add(new Violation(field, "length", field + " must be at most " + max + " characters"));
      return false;
    }
    return true;
  }

  private static String stripped(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
