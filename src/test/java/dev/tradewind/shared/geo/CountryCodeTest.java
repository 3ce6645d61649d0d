package dev.tradewind.shared.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

  @ParameterizedTest(name = "''{0}'' reads as {1}")
  @CsvSource({"GB, GB", "gb, GB", "Jp, JP", "de, DE", "US, US", "BR, BR"})
  @DisplayName("an ISO 3166-1 alpha-2 code is accepted in any case and kept in upper case")
  void acceptsAlpha2InAnyCase(String input, String expected) {
    assertThat(CountryCode.of(input).code()).isEqualTo(expected);
    assertThat(CountryCode.of(input)).isEqualTo(new CountryCode(expected)).hasToString(expected);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"XX", "UK", "GBR", "DEU", "G", " GB", "G1"})
  @DisplayName("unassigned codes, alpha-3 codes and malformed input are refused, naming the input")
  void refusesWhatIsNotAlpha2(String input) {
    assertThatThrownBy(() -> CountryCode.of(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(input.toUpperCase());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @DisplayName("a missing or empty code is refused")
  void refusesNullAndEmpty(String input) {
    assertThatThrownBy(() -> CountryCode.of(input)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("in JSON a country is its bare code, and an invalid code is refused on reading")
  void travelsAsPlainJsonString() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(json.writeValueAsString(CountryCode.of("gb"))).isEqualTo("\"GB\"");
    assertThat(json.readValue("\"jp\"", CountryCode.class)).isEqualTo(CountryCode.of("JP"));
    assertThatThrownBy(() -> json.readValue("\"XX\"", CountryCode.class)).hasMessageContaining("XX");
  }
}
