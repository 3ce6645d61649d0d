package dev.tradewind.catalog.domain;

import dev.tradewind.shared.api.Problem.FieldError;
import dev.tradewind.shared.geo.CountryCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Goods a destination country refuses: a whole category (its descendants included) or an HS chapter, the first
 * two digits of an HS code. Exactly one of {@code categorySlug} and {@code hsChapter} is set.
 */
public record ShippingRule(String country, String categorySlug, String hsChapter, String reason) {
  public static final int MAX_REASON = 500;
  private static final Pattern CHAPTER = Pattern.compile("[0-9]{2}");
  private static final int FIRST_CHAPTER = 1;
  private static final int LAST_CHAPTER = 97;

  /** A rule an admin asked for: either the rule or every field that keeps it from being one. */
  public record Parsed(ShippingRule rule, List<FieldError> errors) {
    public Parsed {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** Checks the input on its own; whether the category exists is for the caller to ask the catalogue. */
  public static Parsed parse(String country, String categorySlug, String hsChapter, String reason) {
    List<FieldError> errors = new ArrayList<>();
    String code = destination(country, errors);
    if ((categorySlug == null) == (hsChapter == null)) {
      String message = "give exactly one of category and hsChapter";
      String rule = categorySlug == null ? "one-required" : "exclusive";
      errors.add(new FieldError("category", rule, message));
      errors.add(new FieldError("hsChapter", rule, message));
    } else if (hsChapter != null && !isChapter(hsChapter)) {
      errors.add(new FieldError("hsChapter", "hs-chapter", "hsChapter is two digits, 01 to 97"));
    }
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "length", "reason is 1 to " + MAX_REASON + " characters"));
    }
    return errors.isEmpty()
      ? new Parsed(new ShippingRule(code, categorySlug, hsChapter, trimmed), errors)
      : new Parsed(null, errors);
  }

  /** How a product page names the rule: {@code category:<slug>} or {@code hs-chapter:<nn>}. */
  public String rule() {
    return categorySlug != null ? "category:" + categorySlug : "hs-chapter:" + hsChapter;
  }

  /** The country as an upper-case ISO 3166-1 code, or null once {@code errors} says why it is not one. */
  public static String destination(String country, List<FieldError> errors) {
    try {
      return CountryCode.of(country).code();
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("country", "iso3166", "country must be an ISO 3166-1 alpha-2 code"));
      return null;
    }
  }

  private static boolean isChapter(String chapter) {
    if (!CHAPTER.matcher(chapter).matches()) {
      return false;
    }
    int number = Integer.parseInt(chapter);
    return number >= FIRST_CHAPTER && number <= LAST_CHAPTER;
  }
}
