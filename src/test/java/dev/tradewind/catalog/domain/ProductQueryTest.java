package dev.tradewind.catalog.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A product search is read from its parameters with the rules every search obeys")
class ProductQueryTest {

  @Test
  @DisplayName("with nothing asked: every product, newest first, 20 a page, in euros")
  void defaults() {
    ProductQuery query = ProductQuery.parse(Map.of());
    assertThat(query.hasText()).isFalse();
    assertThat(query.sort()).isEqualTo(SearchSort.NEWEST);
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.currency().code()).isEqualTo("EUR");
    assertThat(query.inStock()).isFalse();
    assertThat(query.after()).isNull();
  }

  @Test
  @DisplayName("text makes relevance the default order; relevance without text reads as newest")
  void relevanceNeedsText() {
    assertThat(ProductQuery.parse(Map.of("q", " linen duvet ")).sort()).isEqualTo(SearchSort.RELEVANCE);
    assertThat(ProductQuery.parse(Map.of("q", " linen duvet ")).text()).isEqualTo("linen duvet");
    assertThat(ProductQuery.parse(Map.of("q", "   ")).hasText()).isFalse();
    assertThat(ProductQuery.parse(Map.of("sort", "relevance")).sort()).isEqualTo(SearchSort.NEWEST);
    assertThat(ProductQuery.parse(Map.of("q", "linen", "sort", "price_desc")).sort()).isEqualTo(SearchSort.PRICE_DESC);
  }

  @Test
  @DisplayName("filters are normalised: category lower case, country upper case, currency upper case, prices exact")
  void normalised() {
    ProductQuery query = ProductQuery.parse(Map.of("category", "Bed-Linen", "shipsTo", "de", "currency", "usd",
      "minPrice", "25", "maxPrice", "49.90", "inStock", true, "minRating", 4, "brand", " Lisbon Linen "));
    assertThat(query.category()).isEqualTo("bed-linen");
    assertThat(query.shipsTo()).isEqualTo("DE");
    assertThat(query.currency().code()).isEqualTo("USD");
    assertThat(query.minPrice()).isEqualByComparingTo("25");
    assertThat(query.maxPrice()).isEqualTo(new BigDecimal("49.90"));
    assertThat(query.inStock()).isTrue();
    assertThat(query.minRating()).isEqualByComparingTo("4");
    assertThat(query.brand()).isEqualTo("Lisbon Linen");
  }

  @Test
  @DisplayName("each broken rule names its parameter")
  void brokenRules() {
    assertRefused(Map.of("q", "x".repeat(201)), "q");
    assertRefused(Map.of("limit", 51), "limit");
    assertRefused(Map.of("limit", 0), "limit");
    assertRefused(Map.of("minPrice", "-1"), "minPrice");
    assertRefused(Map.of("maxPrice", "1e3"), "maxPrice");
    assertRefused(Map.of("minPrice", "50", "maxPrice", "10"), "minPrice");
    assertRefused(Map.of("currency", "XYZ"), "currency");
    assertRefused(Map.of("minRating", "6"), "minRating");
    assertRefused(Map.of("minRating", "0.5"), "minRating");
    assertRefused(Map.of("shipsTo", "DEU"), "shipsTo");
    assertRefused(Map.of("sort", "cheapest"), "sort");
    assertRefused(Map.of("cursor", "garbage"), "cursor");
  }

  @Test
  @DisplayName("a cursor continues the same order only")
  void cursorMatchesSort() {
    String token = new SearchCursor(SearchSort.PRICE_ASC, "10.00", UUID.randomUUID()).encode();
    Map<String, Object> params = new HashMap<>(Map.of("sort", "price_asc", "cursor", token));
    assertThat(ProductQuery.parse(params).after().key()).isEqualTo("10.00");
    params.put("sort", "newest");
    assertRefused(params, "cursor");
  }

  private static void assertRefused(Map<String, Object> params, String field) {
    assertThatThrownBy(() -> ProductQuery.parse(params)).as(params.toString())
      .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
