package dev.tradewind.catalog.domain;

/** How much one catalogue import may hold, so one upload can neither exhaust memory nor fill the catalogue with junk. */
public final class ImportLimits {
  public static final int MAX_ROWS = 10_000;
  public static final long MAX_BYTES = 20L * 1024 * 1024;
  /** Any single value before it is split into a list: twelve maximal image URLs and their separators fit. */
  public static final int MAX_FIELD_LENGTH = 32_768;

  public static final int MAX_CODE_LENGTH = 64;
  public static final int MAX_BRAND_LENGTH = 80;
  public static final int MAX_MODEL_LENGTH = 120;
  public static final int MAX_VARIANT_ATTRIBUTE_LENGTH = 60;
  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_DESCRIPTION_LENGTH = 5_000;
  public static final int MAX_BULLETS = 10;
  public static final int MAX_BULLET_LENGTH = 300;
  public static final int MAX_IMAGES = 12;
  public static final int MAX_IMAGE_URL_LENGTH = 2_048;
  public static final int MAX_SPECIFICATIONS = 40;
  public static final int MAX_SPECIFICATION_KEY_LENGTH = 60;
  public static final int MAX_SPECIFICATION_VALUE_LENGTH = 300;
  /** Digits a price may have on either side of the point; beyond this a "number" is an attack or a typo. */
  public static final int MAX_PRICE_DIGITS = 12;

  public static final int MAX_WEIGHT_GRAMS = 100_000;
  public static final int MAX_DIMENSION_MM = 3_000;
  public static final int MAX_RETURN_WINDOW_DAYS = 365;
  public static final int MAX_WARRANTY_MONTHS = 120;
  public static final int MAX_STOCK = 1_000_000;

  private ImportLimits() {
  }
}
