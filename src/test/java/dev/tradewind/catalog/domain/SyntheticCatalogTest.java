package dev.tradewind.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.catalog.domain.SyntheticCatalog.Listing;
import dev.tradewind.catalog.domain.SyntheticCatalog.Seller;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {
  private static final Seller KYOTO = SyntheticCatalog.DEMO_SELLERS.get(1);

  @Test
  @DisplayName("the same seed gives the same first 1,000 rows, another seed other rows")
  void theSeedDecidesTheRows() {
    List<ProductRow> first = take(SyntheticCatalog.rows(42, 2_000, KYOTO), 1_000);
    assertThat(take(SyntheticCatalog.rows(42, 2_000, KYOTO), 1_000)).isEqualTo(first);
    assertThat(take(SyntheticCatalog.rows(42, 600, KYOTO), 500)).as("a shorter run is a prefix of a longer one")
      .isEqualTo(first.subList(0, 500));
    assertThat(take(SyntheticCatalog.rows(43, 2_000, KYOTO), 1_000)).isNotEqualTo(first);
  }

  @Test
  void tenThousandRowsHaveUniqueSkuCodesPerSeller() {
    Iterator<Listing> listings = SyntheticCatalog.listings(7, 10_000, SyntheticCatalog.DEMO_SELLERS);
    Set<String> skus = new HashSet<>();
    int rows = 0;
    while (rows < 10_000 && listings.hasNext()) {
      Listing listing = listings.next();
      assertThat(skus.add(listing.seller().prefix() + "/" + listing.row().skuCode()))
        .as(listing.row().skuCode()).isTrue();
      rows++;
    }
    assertThat(rows).isEqualTo(10_000);
  }

  @Test
  @DisplayName("rows are listed in seed categories, every leaf used, with prices exact to the currency")
  void rowsAreWellFormed() {
    List<ProductRow> rows = new ArrayList<>();
    for (Seller seller : SyntheticCatalog.DEMO_SELLERS) {
      rows.addAll(take(SyntheticCatalog.rows(1, 2_000, seller), 10_000));
    }
    assertThat(rows).extracting(ProductRow::categorySlug).containsOnlyElementsOf(CategorySeed.leafSlugs())
      .containsAll(CategorySeed.leafSlugs());
    assertThat(rows).allSatisfy(row -> {
      int digits = Currency.getInstance(row.currency()).getDefaultFractionDigits();
      assertThat(row.listPrice()).isPositive().extracting(BigDecimal::scale).isEqualTo(digits);
      if (row.salePrice() != null) {
        assertThat(row.salePrice()).isLessThan(row.listPrice());
      }
      assertThat(row.content()).hasSize(2).containsKey(row.defaultLanguage());
      assertThat(row.content().values()).allSatisfy(c -> assertThat(c.bullets()).hasSizeBetween(2, 5));
      assertThat(row.hsCode()).matches("\\d{6}");
      assertThat(row.imageUrls()).allSatisfy(url -> assertThat(url).startsWith("https://"));
      assertThat(row.stock()).isBetween(0, 500);
    });
    List<BigDecimal> usd = rows.stream().filter(r -> r.currency().equals("USD")).map(ProductRow::listPrice).toList();
    assertThat(usd).anyMatch(p -> p.compareTo(BigDecimal.valueOf(5)) < 0)
      .anyMatch(p -> p.compareTo(BigDecimal.valueOf(1_000)) > 0);
  }

  @Test
  void everyLeafCategoryHasAnHsCode() {
    assertThat(CategorySeed.leafSlugs())
      .allSatisfy(slug -> assertThat(SyntheticCatalog.hsCode(slug)).matches("\\d{6}"));
  }

  @Test
  void aSellerNeedsTwoLanguagesTheVocabularyKnows() {
    assertThatThrownBy(() -> new Seller("XX", "FR", "EUR", "fr", "en")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a benchmark-sized run streams without holding the catalogue")
  void aHundredThousandProductsStream() {
    Iterator<ProductRow> rows = SyntheticCatalog.rows(3, SyntheticCatalog.DEFAULT_PRODUCTS, KYOTO);
    Set<String> products = new HashSet<>();
    while (rows.hasNext()) {
      products.add(rows.next().productCode());
    }
    assertThat(products).hasSize(SyntheticCatalog.DEFAULT_PRODUCTS);
  }

  private static List<ProductRow> take(Iterator<ProductRow> rows, int count) {
    List<ProductRow> taken = new ArrayList<>();
    while (taken.size() < count && rows.hasNext()) {
      taken.add(rows.next());
    }
    return taken;
  }
}
