package dev.tradewind.catalog.domain;

import java.util.List;

/** The CSV columns and JSON properties of an import; errors name the same, so a merchant finds the cell. */
final class ImportColumns {
  static final String PRODUCT_CODE = "productCode";
  static final String SKU_CODE = "skuCode";
  static final String CATEGORY = "category";
  static final String BRAND = "brand";
  static final String MODEL = "model";
  static final String LANGUAGE = "language";
  static final String CONTENT = "content";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String BULLETS = "bullets";
  static final String IMAGES = "images";
  static final String SPECIFICATIONS = "specifications";
  static final String COLOUR = "colour";
  static final String SIZE = "size";
  static final String CURRENCY = "currency";
  static final String LIST_PRICE = "listPrice";
  static final String SALE_PRICE = "salePrice";
  static final String SALE_STARTS_AT = "saleStartsAt";
  static final String SALE_ENDS_AT = "saleEndsAt";
  static final String WEIGHT_GRAMS = "weightGrams";
  static final String LENGTH_MM = "lengthMm";
  static final String WIDTH_MM = "widthMm";
  static final String HEIGHT_MM = "heightMm";
  static final String COUNTRY_OF_ORIGIN = "countryOfOrigin";
  static final String HS_CODE = "hsCode";
  static final String RETURN_WINDOW_DAYS = "returnWindowDays";
  static final String WARRANTY_MONTHS = "warrantyMonths";
  static final String STOCK = "stock";

  /** Every CSV column, in the order of the template merchants download. */
  static final List<String> CSV_COLUMNS = List.of(PRODUCT_CODE, SKU_CODE, CATEGORY, BRAND, MODEL, LANGUAGE, TITLE,
    DESCRIPTION, BULLETS, IMAGES, SPECIFICATIONS, COLOUR, SIZE, CURRENCY, LIST_PRICE, SALE_PRICE, SALE_STARTS_AT,
    SALE_ENDS_AT, WEIGHT_GRAMS, LENGTH_MM, WIDTH_MM, HEIGHT_MM, COUNTRY_OF_ORIGIN, HS_CODE, RETURN_WINDOW_DAYS,
    WARRANTY_MONTHS, STOCK);

  /** Columns a file must have, because every row needs a value in them; the others may be left out. */
  static final List<String> REQUIRED_CSV_COLUMNS = List.of(PRODUCT_CODE, SKU_CODE, CATEGORY, LANGUAGE, TITLE,
    CURRENCY, LIST_PRICE, WEIGHT_GRAMS, LENGTH_MM, WIDTH_MM, HEIGHT_MM, COUNTRY_OF_ORIGIN, HS_CODE,
    RETURN_WINDOW_DAYS, WARRANTY_MONTHS, STOCK);

  /** Every top-level JSON property: the CSV columns, with the localized text gathered under {@code content}. */
  static final List<String> JSON_PROPERTIES = CSV_COLUMNS.stream()
    .map(column -> List.of(TITLE, DESCRIPTION, BULLETS).contains(column) ? CONTENT : column)
    .distinct()
    .toList();

  private ImportColumns() {
  }

  /** {@code title} for the row's own language, {@code title.fr} for another: the CSV column of that text. */
  static String localized(String field, String locale, String rowLanguage) {
    return locale.equals(rowLanguage) ? field : field + "." + locale;
  }
}
