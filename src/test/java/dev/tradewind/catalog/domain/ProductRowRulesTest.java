package dev.tradewind.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProductRowRulesTest {

  /** A running shoe as a German merchant lists it; each test changes what its story is about. */
  private static final class Listing {
    String productCode = "P-100";
    String skuCode = "P-100-BLK-42";
    String category = "running-shoes";
    String brand = "Fleetfoot";
    String model = "Aero 3";
    String language = "de";
    Map<String, LocalizedContent> content = new HashMap<>(Map.of("de",
      new LocalizedContent("Laufschuh Aero 3", "Leicht und schnell.\nFür lange Läufe.", List.of("Atmungsaktiv"))));
    List<String> images = new ArrayList<>(List.of("https://cdn.example.com/p100/1.jpg"));
    Map<String, String> specifications = new HashMap<>(Map.of("material", "Mesh"));
    String colour = "black";
    String size = "42";
    String currency = "EUR";
    BigDecimal listPrice = new BigDecimal("89.90");
    BigDecimal salePrice = new BigDecimal("79.90");
    Instant saleStartsAt = Instant.parse("2025-11-28T00:00:00Z");
    Instant saleEndsAt = Instant.parse("2025-12-01T23:59:59Z");
    int weightGrams = 640;
    int lengthMm = 330;
    int widthMm = 210;
    int heightMm = 120;
    String countryOfOrigin = "VN";
    String hsCode = "640411";
    int returnWindowDays = 30;
    int warrantyMonths = 24;
    int stock = 150;

    static Listing shoe() {
      return new Listing();
    }

    Listing sku(String skuCode) {
      this.skuCode = skuCode;
      return this;
    }

    Listing title(String locale, String title) {
      content.put(locale, new LocalizedContent(title, null, List.of()));
      return this;
    }

    Listing germanText(String description, List<String> bullets) {
      content.put("de", new LocalizedContent("Laufschuh Aero 3", description, bullets));
      return this;
    }

    ProductRow build() {
      return new ProductRow(productCode, skuCode, category, brand, model, language, content, images, specifications,
        colour, size, currency, listPrice, salePrice, saleStartsAt, saleEndsAt, weightGrams, lengthMm, widthMm,
        heightMm, countryOfOrigin, hsCode, returnWindowDays, warrantyMonths, stock);
    }
  }

  private static List<RowError> check(Listing listing) {
    return ProductRowRules.check(7, listing.build());
  }

  private static String letters(int count) {
    return "x".repeat(count);
  }

  private static <T> List<T> times(int count, T item) {
    return Collections.nCopies(count, item);
  }

  @Test
  @DisplayName("a complete listing breaks no rule, line breaks in its description included")
  void completeListingPasses() {
    assertThat(check(Listing.shoe())).isEmpty();
  }

  @Test
  @DisplayName("a listing at every limit still passes: KWD to the fils, 10 bullets, 12 images, 40 specifications")
  void listingAtTheLimitsPasses() {
    Listing atTheLimits = Listing.shoe();
    atTheLimits.currency = "KWD";
    atTheLimits.listPrice = new BigDecimal("12.345");
    atTheLimits.salePrice = null;
    atTheLimits.germanText(letters(5_000), times(10, letters(300)));
    atTheLimits.images = times(12, "https://cdn.example.com/" + letters(2_048 - 24));
    atTheLimits.specifications = new HashMap<>();
    IntStream.range(0, 40).forEach(i -> atTheLimits.specifications.put(letters(58) + i, letters(300)));
    atTheLimits.weightGrams = 100_000;
    atTheLimits.returnWindowDays = 0;
    atTheLimits.stock = 1_000_000;
    atTheLimits.title("pt-BR", letters(200));

    assertThat(check(atTheLimits)).isEmpty();
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
      broken("no productCode", l -> l.productCode = null, "productCode", "required"),
      broken("a productCode with a space", l -> l.productCode = "P 100", "productCode", "format"),
      broken("a skuCode of 65 characters", l -> l.skuCode = letters(65), "skuCode", "format"),
      broken("a category in capitals", l -> l.category = "Running-Shoes", "category", "format"),
      broken("no category", l -> l.category = " ", "category", "required"),
      broken("a brand of 81 characters", l -> l.brand = letters(81), "brand", "length"),
      broken("a model of 121 characters", l -> l.model = letters(121), "model", "length"),
      broken("a colour of 61 characters", l -> l.colour = letters(61), "colour", "length"),
      broken("no language", l -> l.language = null, "language", "required"),
      broken("a language that is no tag", l -> l.language = "German", "language", "language-tag"),
      broken("no text in the row's own language", l -> l.language = "fr", "title", "required"),
      broken("text under a locale that is no tag", l -> l.title("en_GB", "Running shoe"), "title.en_GB", "language-tag"),
      broken("no title", l -> l.title("de", null), "title", "required"),
      broken("a title of 201 characters", l -> l.title("de", letters(201)), "title", "length"),
      broken("a title with a bell in it", l -> l.title("de", "Lauf\u0007schuh"), "title", "control-character"),
      broken("a title with a line break", l -> l.title("de", "Lauf\nschuh"), "title", "control-character"),
      broken("an English title of 201 characters", l -> l.title("en", letters(201)), "title.en", "length"),
      broken("a description of 5,001 characters", l -> l.germanText(letters(5_001), List.of()), "description", "length"),
      broken("a description with a NUL", l -> l.germanText("a\u0000b", List.of()), "description", "control-character"),
      broken("11 bullets", l -> l.germanText(null, times(11, "Leicht")), "bullets", "count"),
      broken("a bullet of 301 characters", l -> l.germanText(null, List.of(letters(301))), "bullets", "length"),
      broken("an http image", l -> l.images = List.of("http://cdn.example.com/1.jpg"), "images", "https"),
      broken("an image that is no URL", l -> l.images = List.of("photo 1.jpg"), "images", "https"),
      broken("an image URL of 2,049 characters",
        l -> l.images = List.of("https://cdn.example.com/" + letters(2_049 - 24)), "images", "length"),
      broken("13 images", l -> l.images = times(13, "https://cdn.example.com/1.jpg"), "images", "count"),
      broken("41 specifications", l -> IntStream.range(0, 41).forEach(i -> l.specifications.put("k" + i, "v")),
        "specifications", "count"),
      broken("a specification key of 61 characters", l -> l.specifications.put(letters(61), "v"), "specifications", "length"),
      broken("a specification value of 301 characters", l -> l.specifications.put("sole", letters(301)),
        "specifications", "length"),
      broken("no currency", l -> l.currency = null, "currency", "required"),
      broken("a currency ISO 4217 does not know", l -> l.currency = "EUX", "currency", "currency"),
      broken("no listPrice", l -> l.listPrice = null, "listPrice", "required"),
      broken("a listPrice of zero", l -> l.listPrice = BigDecimal.ZERO, "listPrice", "range"),
      broken("a negative salePrice", l -> l.salePrice = new BigDecimal("-1"), "salePrice", "range"),
      broken("a salePrice equal to the listPrice", l -> l.salePrice = new BigDecimal("89.9"), "salePrice", "sale-price"),
      broken("a salePrice in tenths of a cent", l -> l.salePrice = new BigDecimal("79.905"), "salePrice", "precision"),
      broken("a sale that ends before it starts", l -> l.saleEndsAt = Instant.parse("2025-11-27T00:00:00Z"),
        "saleEndsAt", "sale-window"),
      broken("a weight of zero", l -> l.weightGrams = 0, "weightGrams", "range"),
      broken("a weight over 100 kg", l -> l.weightGrams = 100_001, "weightGrams", "range"),
      broken("a length over 3 m", l -> l.lengthMm = 3_001, "lengthMm", "range"),
      broken("a width of zero", l -> l.widthMm = 0, "widthMm", "range"),
      broken("a negative height", l -> l.heightMm = -5, "heightMm", "range"),
      broken("no country of origin", l -> l.countryOfOrigin = null, "countryOfOrigin", "required"),
      broken("a country ISO 3166 does not know", l -> l.countryOfOrigin = "XX", "countryOfOrigin", "country"),
      broken("a four-digit HS heading", l -> l.hsCode = "6404", "hsCode", "format"),
      broken("an HS code with a letter", l -> l.hsCode = "64041a", "hsCode", "format"),
      broken("a return window over a year", l -> l.returnWindowDays = 366, "returnWindowDays", "range"),
      broken("a negative return window", l -> l.returnWindowDays = -1, "returnWindowDays", "range"),
      broken("a warranty over ten years", l -> l.warrantyMonths = 121, "warrantyMonths", "range"),
      broken("negative stock", l -> l.stock = -1, "stock", "range"),
      broken("stock over a million", l -> l.stock = 1_000_001, "stock", "range"));
  }

  private static Arguments broken(String story, Consumer<Listing> change, String field, String rule) {
    return Arguments.of(story, change, field, rule);
  }

  @ParameterizedTest(name = "{0} is rejected: {2} breaks ''{3}''")
  @MethodSource("brokenRules")
  @DisplayName("each rule rejects the row that breaks it, naming the column and the rule")
  void eachRuleRejects(String story, Consumer<Listing> change, String field, String rule) {
    Listing listing = Listing.shoe();
    change.accept(listing);

    assertThat(check(listing))
      .extracting(RowError::line, RowError::skuCode, RowError::field, RowError::rule)
      .containsExactly(tuple(7, listing.skuCode, field, rule));
  }

  @ParameterizedTest(name = "{0}: {1} is refused, {2} is fine")
  @CsvSource({"JPY, 1500.50, 1500", "EUR, 89.995, 89.900", "KWD, 12.3456, 12.345"})
  @DisplayName("a price finer than its currency's minor unit is refused: yen have none, euros two decimals, dinars three")
  void pricesFinerThanTheCurrencyAreRejected(String currency, String tooFine, String fine) {
    Listing listing = Listing.shoe();
    listing.currency = currency;
    listing.salePrice = null;
    listing.listPrice = new BigDecimal(tooFine);
    assertThat(check(listing)).extracting(RowError::field, RowError::rule).containsExactly(tuple("listPrice", "precision"));

    listing.listPrice = new BigDecimal(fine);
    assertThat(check(listing)).isEmpty();
  }

  @Test
  @DisplayName("a row with several faults gets them all at once, so the merchant fixes it in one go")
  void allErrorsOfARowAreReported() {
    Listing listing = Listing.shoe();
    listing.skuCode = "";
    listing.hsCode = "64";
    listing.stock = -3;

    assertThat(check(listing)).extracting(RowError::field, RowError::rule)
      .containsExactly(tuple("skuCode", "required"), tuple("hsCode", "format"), tuple("stock", "range"));
  }

  @Test
  @DisplayName("a SKU given again in the same upload is rejected every time after the first")
  void duplicateSkusAreRejectedAfterTheFirst() {
    List<ParsedRow> rows = List.of(
      new ParsedRow(2, Listing.shoe().sku("S-1").build()),
      new ParsedRow(3, Listing.shoe().sku("S-2").build()),
      new ParsedRow(4, Listing.shoe().sku("S-1").build()),
      new ParsedRow(5, Listing.shoe().sku("S-1").build()));

    assertThat(ProductRowRules.checkAcrossRows(rows))
      .extracting(RowError::line, RowError::skuCode, RowError::field, RowError::rule)
      .containsExactly(tuple(4, "S-1", "skuCode", "duplicate"), tuple(5, "S-1", "skuCode", "duplicate"));
    assertThat(ProductRowRules.checkAcrossRows(rows).get(0).message()).contains("line 2");
  }

  @Test
  @DisplayName("variants of one product that disagree on its category or brand are rejected after the first")
  void inconsistentProductGroupsAreRejected() {
    Listing trail = Listing.shoe().sku("S-2");
    trail.category = "trail-shoes";
    Listing otherBrand = Listing.shoe().sku("S-3");
    otherBrand.brand = "Swiftstep";
    Listing otherProduct = Listing.shoe().sku("S-4");
    otherProduct.productCode = "P-200";
    otherProduct.category = "trail-shoes";
    List<ParsedRow> rows = List.of(
      new ParsedRow(2, Listing.shoe().sku("S-1").build()),
      new ParsedRow(3, trail.build()),
      new ParsedRow(4, otherBrand.build()),
      new ParsedRow(5, otherProduct.build()));

    assertThat(ProductRowRules.checkAcrossRows(rows))
      .extracting(RowError::line, RowError::field, RowError::rule)
      .containsExactly(tuple(3, "category", "inconsistent-product"), tuple(4, "brand", "inconsistent-product"));
  }
}
