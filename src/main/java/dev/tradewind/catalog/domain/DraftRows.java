package dev.tradewind.catalog.domain;

import static dev.tradewind.catalog.domain.ImportColumns.BRAND;
import static dev.tradewind.catalog.domain.ImportColumns.CATEGORY;
import static dev.tradewind.catalog.domain.ImportColumns.COLOUR;
import static dev.tradewind.catalog.domain.ImportColumns.COUNTRY_OF_ORIGIN;
import static dev.tradewind.catalog.domain.ImportColumns.CURRENCY;
import static dev.tradewind.catalog.domain.ImportColumns.HEIGHT_MM;
import static dev.tradewind.catalog.domain.ImportColumns.HS_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.LANGUAGE;
import static dev.tradewind.catalog.domain.ImportColumns.LENGTH_MM;
import static dev.tradewind.catalog.domain.ImportColumns.LIST_PRICE;
import static dev.tradewind.catalog.domain.ImportColumns.MODEL;
import static dev.tradewind.catalog.domain.ImportColumns.PRODUCT_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.RETURN_WINDOW_DAYS;
import static dev.tradewind.catalog.domain.ImportColumns.SALE_ENDS_AT;
import static dev.tradewind.catalog.domain.ImportColumns.SALE_PRICE;
import static dev.tradewind.catalog.domain.ImportColumns.SALE_STARTS_AT;
import static dev.tradewind.catalog.domain.ImportColumns.SIZE;
import static dev.tradewind.catalog.domain.ImportColumns.SKU_CODE;
import static dev.tradewind.catalog.domain.ImportColumns.STOCK;
import static dev.tradewind.catalog.domain.ImportColumns.WARRANTY_MONTHS;
import static dev.tradewind.catalog.domain.ImportColumns.WEIGHT_GRAMS;
import static dev.tradewind.catalog.domain.ImportColumns.WIDTH_MM;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads a row from either format the same way, so the same content gives the same row and the same errors. */
final class DraftRows {

  private DraftRows() {
  }

  /** {@code errors} may already hold what the source found wrong with the row as a whole. */
  static DraftRow read(int line, RowSource source, Rejections errors) {
    Values values = new Values(source, errors);
    String productCode = values.text(PRODUCT_CODE);
    String skuCode = values.text(SKU_CODE);
    errors.about(skuCode);
    String category = values.text(CATEGORY);
    String brand = values.text(BRAND);
    String model = values.text(MODEL);
    String language = values.text(LANGUAGE);
    ProductRow row = new ProductRow(productCode, skuCode, category, brand, model, language,
      source.content(language, errors), source.images(errors), source.specifications(errors),
      values.text(COLOUR), values.text(SIZE), values.text(CURRENCY),
      values.decimal(LIST_PRICE), values.decimal(SALE_PRICE),
      values.instant(SALE_STARTS_AT), values.instant(SALE_ENDS_AT),
      values.wholeNumber(WEIGHT_GRAMS), values.wholeNumber(LENGTH_MM), values.wholeNumber(WIDTH_MM),
      values.wholeNumber(HEIGHT_MM), values.text(COUNTRY_OF_ORIGIN), values.text(HS_CODE),
      values.wholeNumber(RETURN_WINDOW_DAYS), values.wholeNumber(WARRANTY_MONTHS), values.wholeNumber(STOCK));
    return new DraftRow(line, row, errors.list());
  }

  /** Text as given, trimmed; blank is absent. A value too long to be anything but a mistake is not kept. */
  static String trimmed(String field, String raw, Rejections errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.length() > ImportLimits.MAX_FIELD_LENGTH) {
      errors.add(field, "length", field + " is longer than any value may be (" + ImportLimits.MAX_FIELD_LENGTH + ")");
      return null;
    }
    return raw.trim();
  }

  private record Values(RowSource source, Rejections errors) {

    String text(String field) {
      return trimmed(field, source.text(field, errors), errors);
    }

    int wholeNumber(String field) {
      String text = text(field);
      if (text == null) {
        errors.add(field, "required", field + " is required");
        return 0;
      }
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException notANumber) {
        errors.add(field, "number", "'" + text + "' is not a whole number");
        return 0;
      }
    }

    BigDecimal decimal(String field) {
      String text = text(field);
      if (text == null) {
        return null;
      }
      try {
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() <= ImportLimits.MAX_PRICE_DIGITS
            && amount.precision() - amount.scale() <= ImportLimits.MAX_PRICE_DIGITS) {
          return amount;
        }
      } catch (NumberFormatException notANumber) {
        // reported below, like a number too long to be a price
      }
      errors.add(field, "number", "'" + text + "' is not a price such as 1299.99");
      return null;
    }

    Instant instant(String field) {
      String text = text(field);
      if (text == null) {
        return null;
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notAnInstant) {
        errors.add(field, "timestamp", "'" + text + "' is not an ISO-8601 instant such as 2025-11-28T00:00:00Z");
        return null;
      }
    }
  }
}
