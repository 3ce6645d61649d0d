package dev.tradewind.catalog.domain;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {
  private final Map<String, List<ProductRow>> catalog = DemoCatalog.rowsByMerchant();
  private final List<ProductRow> rows = catalog.values().stream().flatMap(Collection::stream).toList();
  private final Map<String, List<ProductRow>> products = rows.stream().collect(groupingBy(ProductRow::productCode));

  @Test
  void theThreeDemoMerchantsEachHaveACatalogue() {
    assertThat(catalog).containsOnlyKeys("Lisbon Linen Lda.", "Kyoto Crafts K.K.", "Austin Audio LLC")
      .allSatisfy((merchant, merchantRows) -> assertThat(merchantRows).isNotEmpty());
    assertThat(catalog.get("Lisbon Linen Lda.")).allSatisfy(row -> assertThat(row.currency()).isEqualTo("EUR"));
    assertThat(catalog.get("Kyoto Crafts K.K.")).allSatisfy(row -> assertThat(row.currency()).isEqualTo("JPY"));
    assertThat(catalog.get("Austin Audio LLC")).allSatisfy(row -> assertThat(row.currency()).isEqualTo("USD"));
  }

  @Test
  @DisplayName("at least 200 products, one to four variants each, in at least 8 leaf categories of the seed tree")
  void enoughProductsInEnoughCategories() {
    assertThat(products).hasSizeGreaterThanOrEqualTo(200)
      .allSatisfy((code, variants) -> assertThat(variants).hasSizeBetween(1, 4));
    List<String> categories = rows.stream().map(ProductRow::categorySlug).distinct().toList();
    assertThat(categories).hasSizeGreaterThanOrEqualTo(8);
    assertThat(CategorySeed.leafSlugs()).containsAll(categories);
  }

  @Test
  @DisplayName("every product is written in two languages, one of them its default")
  void contentInTwoLanguagesIncludingTheDefault() {
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.content()).hasSize(2).containsKey(row.defaultLanguage());
      assertThat(row.content().values()).allSatisfy(content -> {
        assertThat(content.title()).isNotBlank();
        assertThat(content.description()).isNotBlank().doesNotContain("%");
        assertThat(content.bullets()).hasSizeBetween(2, 5);
      });
    });
  }

  @Test
  void skuCodesAreUniquePerMerchant() {
    catalog.forEach((merchant, merchantRows) ->
      assertThat(merchantRows).as(merchant).extracting(ProductRow::skuCode).doesNotHaveDuplicates());
  }

  @Test
  @DisplayName("the variants of a product agree on what the product is")
  void variantsOfAProductAgree() {
    assertThat(products).allSatisfy((code, variants) -> {
      ProductRow first = variants.get(0);
      assertThat(variants).allSatisfy(variant -> {
        assertThat(variant.categorySlug()).isEqualTo(first.categorySlug());
        assertThat(variant.brand()).isEqualTo(first.brand());
        assertThat(variant.model()).isEqualTo(first.model());
        assertThat(variant.content()).isEqualTo(first.content());
        assertThat(variant.currency()).isEqualTo(first.currency());
      });
    });
  }

  @Test
  @DisplayName("prices are positive and exact to the currency: yen whole, euros and dollars in cents")
  void pricesFitTheirCurrency() {
    assertThat(rows).allSatisfy(row -> {
      int digits = Currency.getInstance(row.currency()).getDefaultFractionDigits();
      assertThat(row.listPrice()).isPositive().extracting(BigDecimal::scale).isEqualTo(digits);
      if (row.salePrice() != null) {
        assertThat(row.salePrice()).isPositive().isLessThan(row.listPrice())
          .extracting(BigDecimal::scale).isEqualTo(digits);
        assertThat(row.saleStartsAt()).isBefore(row.saleEndsAt());
        assertThat(row.saleStartsAt().toString()).startsWith("2026-11");
      }
    });
    assertThat(rows).anyMatch(row -> row.salePrice() != null).anyMatch(row -> row.salePrice() == null);
  }

  @Test
  void customsAndLogisticsFactsArePlausible() {
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.hsCode()).matches("\\d{6}");
      assertThat(row.countryOfOrigin()).matches("[A-Z]{2}");
      assertThat(row.weightGrams()).isPositive();
      assertThat(List.of(row.lengthMm(), row.widthMm(), row.heightMm())).allSatisfy(mm -> assertThat(mm).isPositive());
      assertThat(row.returnWindowDays()).isBetween(14, 60);
      assertThat(row.warrantyMonths()).isBetween(0, 36);
      assertThat(row.stock()).isBetween(0, 500);
      assertThat(row.specifications()).isNotEmpty();
    });
    assertThat(rows).anyMatch(row -> row.stock() == 0);
    assertThat(rows).extracting(ProductRow::countryOfOrigin).contains("PT", "JP", "US")
      .hasSizeGreaterThan(3);
  }

  @Test
  void imagesAreHttpsUnderTheMerchantsFolder() {
    assertThat(rows).allSatisfy(row -> assertThat(row.imageUrls()).isNotEmpty().allSatisfy(url -> assertThat(url)
      .startsWith("https://images.tradewind.test/").contains("/" + row.productCode() + "-").endsWith(".jpg")));
  }

  @Test
  void titlesAreUniquePerMerchantAndLanguage() {
    catalog.forEach((merchant, merchantRows) -> merchantRows.stream()
      .collect(groupingBy(ProductRow::productCode)).values().stream().map(variants -> variants.get(0))
      .flatMap(row -> row.content().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().title()))
      .collect(groupingBy(title -> title)).forEach((title, same) -> assertThat(same).as(title).hasSize(1)));
  }

  @Test
  void theCatalogueIsTheSameEveryTime() {
    assertThat(DemoCatalog.rowsByMerchant()).isEqualTo(catalog);
  }
}
