package dev.tradewind.catalog.domain;

import dev.tradewind.shared.money.CurrencyCode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A buyer's product search: optional text, filters, the display currency, the order and the page. Built from
 * the request's parameters with the rules every search obeys; a broken rule is an {@link InvalidSearchException}
 * naming the parameter. Bounds on price are in the display currency.
 */
public record ProductQuery(String text, String category, String brand, BigDecimal minPrice, BigDecimal maxPrice,
                           CurrencyCode currency, boolean inStock, BigDecimal minRating, String shipsTo,
                           SearchSort sort, int limit, SearchCursor after) {
  public static final int MAX_TEXT = 200;
  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 20;
  public static final CurrencyCode DEFAULT_CURRENCY = CurrencyCode.of("EUR");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public boolean hasText() {
    return text != null;
  }

  /** The same search continued after a page's last row. */
  public ProductQuery after(SearchCursor next) {
    return new ProductQuery(text, category, brand, minPrice, maxPrice, currency, inStock, minRating, shipsTo, sort, limit, next);
  }

  public static ProductQuery parse(Map<String, Object> params) {
    String text = blankToNull(params.get("q"));
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidSearchException("q", "maxLength", "q is at most " + MAX_TEXT + " characters");
    }
    BigDecimal min = price(params, "minPrice");
    BigDecimal max = price(params, "maxPrice");
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new InvalidSearchException("minPrice", "range", "minPrice must not exceed maxPrice");
    }
    SearchSort sort = SearchSort.parse(blankToNull(params.get("sort")), text != null);
    String cursor = blankToNull(params.get("cursor"));
    return new ProductQuery(text, lower(params.get("category")), blankToNull(params.get("brand")), min, max,
      currency(params.get("currency")), Boolean.TRUE.equals(params.get("inStock")), rating(params.get("minRating")),
      country(params.get("shipsTo")), sort, limit(params.get("limit")),
      cursor == null ? null : SearchCursor.decode(cursor, sort));
  }

  private static String blankToNull(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static String lower(Object value) {
    String text = blankToNull(value);
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static BigDecimal price(Map<String, Object> params, String field) {
    String text = blankToNull(params.get(field));
    if (text == null) {
      return null;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new InvalidSearchException(field, "decimal", field + " must be a decimal amount such as 25 or 49.90");
    }
    return new BigDecimal(text);
  }

  private static CurrencyCode currency(Object value) {
    String code = blankToNull(value);
    if (code == null) {
      return DEFAULT_CURRENCY;
    }
    try {
      return CurrencyCode.of(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSearchException("currency", "iso4217", "currency must be an ISO 4217 code");
    }
  }

  private static BigDecimal rating(Object value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    BigDecimal rating;
    try {
      rating = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidSearchException("minRating", "number", "minRating must be a number from 1 to 5");
    }
    if (rating.compareTo(BigDecimal.ONE) < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw new InvalidSearchException("minRating", "range", "minRating must be a number from 1 to 5");
    }
    return rating;
  }

  private static String country(Object value) {
    String code = blankToNull(value);
    if (code == null) {
      return null;
    }
    String upper = code.toUpperCase(Locale.ROOT);
    if (!COUNTRY.matcher(upper).matches()) {
      throw new InvalidSearchException("shipsTo", "iso3166", "shipsTo must be an ISO 3166-1 alpha-2 country code");
    }
    return upper;
  }

  private static int limit(Object value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidSearchException("limit", "integer", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidSearchException("limit", "range", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    return limit;
  }
}
