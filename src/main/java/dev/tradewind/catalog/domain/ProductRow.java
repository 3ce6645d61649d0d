package dev.tradewind.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sellable variant (SKU) with the product it belongs to, as a merchant describes it: the unit of bulk
 * import and of demo data. Rows sharing a {@code productCode} are variants of one product; product-level fields
 * (category, brand, model, content, images, specifications) are taken from the first row of the group. A row is
 * upserted by the merchant's {@code skuCode}. Prices are in the merchant's currency, exact decimals.
 */
public record ProductRow(
  String productCode,
  String skuCode,
  String categorySlug,
  String brand,
  String model,
  String defaultLanguage,
  Map<String, LocalizedContent> content,
  List<String> imageUrls,
  Map<String, String> specifications,
  String colour,
  String size,
  String currency,
  BigDecimal listPrice,
  BigDecimal salePrice,
  Instant saleStartsAt,
  Instant saleEndsAt,
  int weightGrams,
  int lengthMm,
  int widthMm,
  int heightMm,
  String countryOfOrigin,
  String hsCode,
  int returnWindowDays,
  int warrantyMonths,
  int stock) {

  /** Title, description and bullet points in one language. */
  public record LocalizedContent(String title, String description, List<String> bullets) {
    public LocalizedContent {
      bullets = bullets == null ? List.of() : List.copyOf(bullets);
    }
  }

  public ProductRow {
    content = Map.copyOf(content);
    imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    specifications = specifications == null ? Map.of() : Map.copyOf(specifications);
  }
}
