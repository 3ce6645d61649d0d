package dev.tradewind.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.shared.api.Problem.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingRuleTest {

  @Test
  @DisplayName("a category rule and a chapter rule are named as the product page shows them")
  void namesTheRule() {
    ShippingRule category = ShippingRule.parse("us", "home-textiles", null, " Textile quota ").rule();
    assertThat(category.country()).isEqualTo("US");
    assertThat(category.reason()).isEqualTo("Textile quota");
    assertThat(category.rule()).isEqualTo("category:home-textiles");
    assertThat(ShippingRule.parse("AU", null, "01", "Biosecurity").rule().rule()).isEqualTo("hs-chapter:01");
    assertThat(ShippingRule.parse("AU", null, "97", "Antiques").valid()).isTrue();
  }

  @Test
  @DisplayName("exactly one of category and hsChapter")
  void exactlyOneTarget() {
    assertThat(fields(ShippingRule.parse("US", "tea", "09", "both"))).containsExactly("category", "hsChapter");
    assertThat(fields(ShippingRule.parse("US", null, null, "neither"))).containsExactly("category", "hsChapter");
  }

  @ParameterizedTest(name = "hsChapter \"{0}\" is refused")
  @ValueSource(strings = {"7", "00", "98", "99", "630", "6a", ""})
  void chapterIsTwoDigitsInRange(String chapter) {
    assertThat(fields(ShippingRule.parse("US", null, chapter, "x"))).containsExactly("hsChapter");
  }

  @Test
  @DisplayName("the country is an ISO code and the reason is not blank; every broken field is named")
  void countryAndReason() {
    assertThat(fields(ShippingRule.parse("XX", null, "63", "  "))).containsExactly("country", "reason");
    assertThat(ShippingRule.parse("XX", null, "63", "  ").rule()).isNull();
  }

  private static java.util.List<String> fields(ShippingRule.Parsed parsed) {
    return parsed.errors().stream().map(FieldError::field).toList();
  }
}
