package dev.tradewind.catalog.domain;

import static dev.tradewind.catalog.domain.ImportColumns.BRAND;
import static dev.tradewind.catalog.domain.ImportColumns.BULLETS;
import static dev.tradewind.catalog.domain.ImportColumns.CATEGORY;
import static dev.tradewind.catalog.domain.ImportColumns.COLOUR;
import static dev.tradewind.catalog.domain.ImportColumns.COUNTRY_OF_ORIGIN;
import static dev.tradewind.catalog.domain.ImportColumns.CURRENCY;
import static dev.tradewind.catalog.domain.ImportColumns.DESCRIPTION;
import static dev.tradewind.catalog.domain.ImportColumns.HEIGHT_MM;
import static dev.tradewind.catalog.domain.ImportColumns.HS_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.IMAGES;
import static dev.tradewind.catalog.domain.ImportColumns.LANGUAGE;
import static dev.tradewind.catalog.domain.ImportColumns.LENGTH_MM;
import static dev.tradewind.catalog.domain.ImportColumns.LIST_PRICE;
import static dev.tradewind.catalog.domain.ImportColumns.MODEL;
import static dev.tradewind.catalog.domain.ImportColumns.PRODUCT_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.RETURN_WINDOW_DAYS;
import static dev.tradewind.catalog.domain.ImportColumns.SALE_ENDS_AT;
import static dev.tradewind.catalog.domain.ImportColumns.SALE_PRICE;
import static dev.tradewind.catalog.domain.ImportColumns.SIZE;
import static dev.tradewind.catalog.domain.ImportColumns.SKU_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.SPECIFICATIONS;
import static dev.tradewind.catalog.domain.ImportColumns.STOCK;
import static dev.tradewind.catalog.domain.ImportColumns.TITLE;
import static dev.tradewind.catalog.domain.ImportColumns.WARRANTY_MONTHS;
import static dev.tradewind.catalog.domain.ImportColumns.WEIGHT_GRAMS;
import static dev.tradewind.catalog.domain.ImportColumns.WIDTH_MM;
import static dev.tradewind.catalog.domain.ImportColumns.localized;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import dev.tradewind.shared.geo.CountryCode;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules a product row must keep before it may enter the catalogue. Each row is judged on its own and every
 * broken rule is reported; {@link #checkAcrossRows} adds the rules that need the whole upload.
 */
public final class ProductRowRules {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern HS_CODE_DIGITS = Pattern.compile("[0-9]{6}");

  private ProductRowRules() {
  }

  /** Every rule {@code row}, read from {@code line}, breaks on its own; empty when it may be imported. */
  public static List<RowError> check(int line, ProductRow row) {
    Rejections errors = new Rejections(line, row.skuCode());
    checkIdentity(errors, row);
    checkContent(errors, row);
    checkImages(errors, row.imageUrls());
    checkSpecifications(errors, row.specifications());
    checkPrices(errors, row);
    checkShipping(errors, row);
    return errors.list();
  }

  /**
   * The rules between rows of one upload, in line order: a SKU may appear once (later copies are rejected, as
   * an upsert could not say which one wins), and the variants of a product must agree on its category and brand
   * (later rows that differ from the first are rejected, as the first row describes the product).
   */
  public static List<RowError> checkAcrossRows(List<ParsedRow> rows) {
    Map<String, Integer> lineOfSku = new HashMap<>();
    Map<String, ParsedRow> firstOfProduct = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    for (ParsedRow parsed : rows) {
      ProductRow row = parsed.row();
      Rejections rejections = new Rejections(parsed.line(), row.skuCode());
      if (row.skuCode() != null) {
        Integer first = lineOfSku.putIfAbsent(row.skuCode(), parsed.line());
        if (first != null) {
          rejections.add(SKU_CODE, "duplicate", "skuCode '" + row.skuCode() + "' already appears on line " + first);
        }
      }
      if (row.productCode() != null) {
        ParsedRow first = firstOfProduct.putIfAbsent(row.productCode(), parsed);
        if (first != null) {
          sameAsFirstRow(rejections, CATEGORY, row.categorySlug(), first.row().categorySlug(), first.line());
          sameAsFirstRow(rejections, BRAND, row.brand(), first.row().brand(), first.line());
        }
      }
      errors.addAll(rejections.list());
    }
    return List.copyOf(errors);
  }

  private static void sameAsFirstRow(Rejections errors, String field, String value, String first, int firstLine) {
    if (!Objects.equals(value, first)) {
      errors.add(field, "inconsistent-product",
        field + " '" + value + "' differs from '" + first + "' given for the same productCode on line " + firstLine);
    }
  }

  private static void checkIdentity(Rejections errors, ProductRow row) {
    matches(errors, PRODUCT_CODE, row.productCode(), CODE, "1 to 64 letters, digits, '.', '_' or '-'");
    matches(errors, SKU_CODE, row.skuCode(), CODE, "1 to 64 letters, digits, '.', '_' or '-'");
    matches(errors, CATEGORY, row.categorySlug(), SLUG, "1 to 64 lower-case letters, digits or '-'");
    text(errors, BRAND, row.brand(), ImportLimits.MAX_BRAND_LENGTH, false);
    text(errors, MODEL, row.model(), ImportLimits.MAX_MODEL_LENGTH, false);
    text(errors, COLOUR, row.colour(), ImportLimits.MAX_VARIANT_ATTRIBUTE_LENGTH, false);
    text(errors, SIZE, row.size(), ImportLimits.MAX_VARIANT_ATTRIBUTE_LENGTH, false);
  }

  private static void checkContent(Rejections errors, ProductRow row) {
    String language = row.defaultLanguage();
    if (required(errors, LANGUAGE, language) && languageTag(errors, LANGUAGE, language)
        && !row.content().containsKey(language)) {
      errors.add(TITLE, "required", "a title in the row's language '" + language + "' is required");
    }
    new TreeMap<>(row.content()).forEach((locale, content) -> checkLocalized(errors, locale, language, content));
  }

  private static void checkLocalized(Rejections errors, String locale, String language, LocalizedContent content) {
    String title = localized(TITLE, locale, language);
    if (!locale.equals(language)) {
      languageTag(errors, title, locale);
    }
    if (required(errors, title, content.title())) {
      text(errors, title, content.title(), ImportLimits.MAX_TITLE_LENGTH, false);
    }
    text(errors, localized(DESCRIPTION, locale, language), content.description(),
      ImportLimits.MAX_DESCRIPTION_LENGTH, true);
    String bullets = localized(BULLETS, locale, language);
    atMost(errors, bullets, content.bullets().size(), ImportLimits.MAX_BULLETS, "bullets");
    for (String bullet : content.bullets()) {
      if (required(errors, bullets, bullet)) {
        text(errors, bullets, bullet, ImportLimits.MAX_BULLET_LENGTH, false);
      }
    }
  }

  private static void checkImages(Rejections errors, List<String> urls) {
    atMost(errors, IMAGES, urls.size(), ImportLimits.MAX_IMAGES, "images");
    for (String url : urls) {
      if (url.length() > ImportLimits.MAX_IMAGE_URL_LENGTH) {
        errors.add(IMAGES, "length", "an image URL must be at most " + ImportLimits.MAX_IMAGE_URL_LENGTH + " characters");
      } else if (!isHttpsUrl(url)) {
        errors.add(IMAGES, "https", "'" + url + "' is not an https URL");
      }
    }
  }

  private static boolean isHttpsUrl(String url) {
    try {
      URI uri = new URI(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (URISyntaxException notAUrl) {
      return false;
    }
  }

  private static void checkSpecifications(Rejections errors, Map<String, String> specifications) {
    atMost(errors, SPECIFICATIONS, specifications.size(), ImportLimits.MAX_SPECIFICATIONS, "specifications");
    new TreeMap<>(specifications).forEach((key, value) -> {
      if (required(errors, SPECIFICATIONS, key)) {
        text(errors, SPECIFICATIONS, key, ImportLimits.MAX_SPECIFICATION_KEY_LENGTH, false);
      }
      if (required(errors, SPECIFICATIONS, value)) {
        text(errors, SPECIFICATIONS, value, ImportLimits.MAX_SPECIFICATION_VALUE_LENGTH, false);
      }
    });
  }

  private static void checkPrices(Rejections errors, ProductRow row) {
    CurrencyCode currency = currency(errors, row.currency());
    BigDecimal listPrice = row.listPrice();
    if (listPrice == null) {
      errors.add(LIST_PRICE, "required", LIST_PRICE + " is required");
    } else {
      price(errors, LIST_PRICE, listPrice, currency);
    }
    BigDecimal salePrice = row.salePrice();
    if (salePrice == null) {
      return;
    }
    price(errors, SALE_PRICE, salePrice, currency);
    if (listPrice != null && listPrice.signum() > 0 && salePrice.compareTo(listPrice) >= 0) {
      errors.add(SALE_PRICE, "sale-price", "salePrice must be below listPrice " + listPrice.toPlainString());
    }
    if (row.saleStartsAt() != null && row.saleEndsAt() != null && !row.saleStartsAt().isBefore(row.saleEndsAt())) {
      errors.add(SALE_ENDS_AT, "sale-window", "the sale must end after it starts");
    }
  }

  private static CurrencyCode currency(Rejections errors, String code) {
    if (!required(errors, CURRENCY, code)) {
      return null;
    }
    try {
      return CurrencyCode.of(code);
    } catch (IllegalArgumentException unknown) {
      errors.add(CURRENCY, "currency", unknown.getMessage());
      return null;
    }
  }

  private static void price(Rejections errors, String field, BigDecimal amount, CurrencyCode currency) {
    if (amount.signum() <= 0) {
      errors.add(field, "range", field + " must be more than zero");
    } else if (currency != null) {
      try {
        Money.of(amount, currency);
      } catch (IllegalArgumentException tooPrecise) {
        errors.add(field, "precision", tooPrecise.getMessage());
      }
    }
  }

  private static void checkShipping(Rejections errors, ProductRow row) {
    between(errors, WEIGHT_GRAMS, row.weightGrams(), 1, ImportLimits.MAX_WEIGHT_GRAMS);
    between(errors, LENGTH_MM, row.lengthMm(), 1, ImportLimits.MAX_DIMENSION_MM);
    between(errors, WIDTH_MM, row.widthMm(), 1, ImportLimits.MAX_DIMENSION_MM);
    between(errors, HEIGHT_MM, row.heightMm(), 1, ImportLimits.MAX_DIMENSION_MM);
    if (required(errors, COUNTRY_OF_ORIGIN, row.countryOfOrigin())) {
      try {
        CountryCode.of(row.countryOfOrigin());
      } catch (IllegalArgumentException unknown) {
        errors.add(COUNTRY_OF_ORIGIN, "country", unknown.getMessage());
      }
    }
    matches(errors, HS_CODE, row.hsCode(), HS_CODE_DIGITS, "6 digits (the international part of the HS code)");
    between(errors, RETURN_WINDOW_DAYS, row.returnWindowDays(), 0, ImportLimits.MAX_RETURN_WINDOW_DAYS);
    between(errors, WARRANTY_MONTHS, row.warrantyMonths(), 0, ImportLimits.MAX_WARRANTY_MONTHS);
    between(errors, STOCK, row.stock(), 0, ImportLimits.MAX_STOCK);
  }

  private static boolean required(Rejections errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(field, "required", field + " is required");
      return false;
    }
    return true;
  }

  private static void matches(Rejections errors, String field, String value, Pattern pattern, String expected) {
    if (required(errors, field, value) && !pattern.matcher(value).matches()) {
      errors.add(field, "format", field + " must be " + expected);
    }
  }

  private static boolean languageTag(Rejections errors, String field, String tag) {
    if (!LANGUAGE_TAG.matcher(tag).matches()) {
      errors.add(field, "language-tag", "'" + tag + "' is not a language tag such as 'en' or 'pt-BR'");
      return false;
    }
    return true;
  }

  private static void text(Rejections errors, String field, String value, int maxLength, boolean lineBreaks) {
    if (value == null) {
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      errors.add(field, "length", field + " must be at most " + maxLength + " characters, not " + length);
    }
    if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && !(lineBreaks && isLineBreak(c)))) {
      errors.add(field, "control-character", field + " must not contain control characters");
    }
  }

  private static boolean isLineBreak(int c) {
    return c == '\n' || c == '\r' || c == '\t';
  }

  private static void atMost(Rejections errors, String field, int count, int max, String what) {
    if (count > max) {
      errors.add(field, "count", "at most " + max + " " + what + " are allowed, not " + count);
    }
  }

  private static void between(Rejections errors, String field, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(field, "range", field + " must be from " + min + " to " + max + ", not " + value);
    }
  }
}
