package dev.tradewind.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradewind.identity.domain.AccountRules.Violation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeRulesTest {

  /** A code as a buyer might type it, the form it is stored in, and a code the country never issues. */
  record Example(String country, String typed, String stored, String invalid) {
    @Override
    public String toString() {
      return country + ": '" + typed + "' is stored as '" + stored + "', '" + invalid + "' is refused";
    }
  }

  static List<Example> examples() {
    return List.of(
      new Example("AT", "1010", "1010", "101"),
      new Example("AU", "2000", "2000", "20000"),
      new Example("BE", "1000", "1000", "10000"),
      new Example("BG", "1000", "1000", "1000A"),
      new Example("BR", "01310100", "01310-100", "1310-100"),
      new Example("CA", "k1a0b1", "K1A 0B1", "D1A 0B1"),
      new Example("CH", "8001", "8001", "80011"),
      new Example("CN", "100096", "100096", "10009"),
      new Example("CY", "2008", "2008", "200"),
      new Example("CZ", "11000", "110 00", "1100"),
      new Example("DE", "10115", "10115", "1011"),
      new Example("DK", "1050", "1050", "105"),
      new Example("EE", "10111", "10111", "1011"),
      new Example("ES", "28013", "28013", "2801"),
      new Example("FI", "00100", "00100", "0010"),
      new Example("FR", "75 008", "75008", "7500"),
      new Example("GB", "sw1a1aa", "SW1A 1AA", "QQ1 1AA"),
      new Example("GR", "10557", "105 57", "1055"),
      new Example("HR", "10000", "10000", "1000"),
      new Example("HU", "1051", "1051", "10511"),
      new Example("IE", "d02x285", "D02 X285", "B02 X285"),
      new Example("IN", "110 001", "110001", "010001"),
      new Example("IT", "00144", "00144", "0014"),
      new Example("JP", "1000001", "100-0001", "100-001"),
      new Example("KR", "03187", "03187", "0318"),
      new Example("LT", "01100", "LT-01100", "LT-0110"),
      new Example("LU", "4750", "4750", "47500"),
      new Example("LV", "lv 1010", "LV-1010", "LV-101"),
      new Example("MT", "vlt1117", "VLT 1117", "VL 1117"),
      new Example("MX", "06000", "06000", "0600"),
      new Example("NG", "100001", "100001", "10001"),
      new Example("NL", "1012ab", "1012 AB", "1000 SA"),
      new Example("NO", "0150", "0150", "015"),
      new Example("NZ", "6011", "6011", "601"),
      new Example("PL", "00950", "00-950", "00-95"),
      new Example("PT", "1000001", "1000-001", "1000-01"),
      new Example("RO", "010011", "010011", "01001"),
      new Example("SE", "11455", "114 55", "1145"),
      new Example("SG", "018956", "018956", "01895"),
      new Example("SI", "1000", "1000", "100"),
      new Example("SK", "81101", "811 01", "8110"),
      new Example("US", "20500 0003", "20500-0003", "2050"),
      new Example("ZA", "8001", "8001", "800"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("each destination accepts its own codes as typed, stores them in one form and refuses a malformed one")
  void eachDestinationHasItsShape(Example example) {
    assertThat(PostalCodeRules.check(example.country(), example.typed())).isEmpty();
    assertThat(PostalCodeRules.normalize(example.country(), example.typed())).isEqualTo(example.stored());
    assertThat(PostalCodeRules.check(example.country(), example.stored())).isEmpty();
    assertThat(PostalCodeRules.check(example.country(), example.invalid()))
      .extracting(Violation::field, Violation::rule)
      .containsExactly(tuple("postalCode", "format"));
  }

  @Test
  @DisplayName("every country we ship to has a postal code rule and a worked example above (AE has no codes)")
  void everyDestinationIsCovered() {
    assertThat(PostalCodeRules.countries()).containsAll(DestinationCountries.all());
    Set<String> exemplified = examples().stream().map(Example::country).collect(Collectors.toCollection(TreeSet::new));
    exemplified.add("AE");
    assertThat(exemplified).isEqualTo(DestinationCountries.all());
  }

  @Test
  @DisplayName("the example quoted in each country's message is itself a valid code")
  void quotedExamplesAreValid() {
    for (String country : PostalCodeRules.countries()) {
      String example = PostalCodeRules.example(country);
      if (example != null) {
        assertThat(PostalCodeRules.check(country, example)).as(country).isEmpty();
        assertThat(PostalCodeRules.normalize(country, example)).as(country).isEqualTo(example);
      }
    }
  }

  @ParameterizedTest(name = "''{0}'' is stored as ''{1}''")
  @CsvSource({"sw1a1aa, SW1A 1AA", "' SW1A  1AA ', SW1A 1AA", "m11ae, M1 1AE", "ec1a1bb, EC1A 1BB", "gir0aa, GIR 0AA",
    "b338th, B33 8TH", "cr26xh, CR2 6XH", "dn551pt, DN55 1PT"})
  @DisplayName("a British postcode gets the space between its outward and inward codes")
  void britishPostcodes(String typed, String stored) {
    assertThat(PostalCodeRules.normalize("GB", typed)).isEqualTo(stored);
    assertThat(PostalCodeRules.check("GB", typed)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A 1AC", "SW1A 1AI", "XX1 1AA", "SW1A", "1AA", "SW1A 1A"})
  @DisplayName("a British postcode with an unknown area or letters Royal Mail never uses in the inward code is refused")
  void britishPostcodesRefused(String typed) {
    assertThat(PostalCodeRules.check("GB", typed)).extracting(Violation::rule).containsExactly("format");
  }

  @Test
  @DisplayName("a Canadian postal code is stored as A1A 1A1 however it is typed")
  void canadianPostalCode() {
    assertThat(PostalCodeRules.normalize("CA", "k1a0b1")).isEqualTo("K1A 0B1");
    assertThat(PostalCodeRules.normalize("CA", "K1A-0B1")).isEqualTo("K1A 0B1");
    assertThat(PostalCodeRules.check("CA", "W1A 0B1")).extracting(Violation::rule).containsExactly("format");
  }

  @Test
  @DisplayName("a US ZIP code may carry the +4 extension, stored with a hyphen")
  void zipPlusFour() {
    assertThat(PostalCodeRules.check("US", "20500")).isEmpty();
    assertThat(PostalCodeRules.check("US", "20500-0003")).isEmpty();
    assertThat(PostalCodeRules.normalize("US", "205000003")).isEqualTo("20500-0003");
    assertThat(PostalCodeRules.check("US", "20500-003")).extracting(Violation::rule).containsExactly("format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000 SA", "1000 SD", "1000 SS", "1000sa", "0123 AB"})
  @DisplayName("Dutch codes never end in SA, SD or SS and never start with 0")
  void dutchExclusions(String typed) {
    assertThat(PostalCodeRules.check("NL", typed)).extracting(Violation::rule).containsExactly("format");
    assertThat(PostalCodeRules.check("NL", "1000 AB")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "P.O. Box 12345", "00000"})
  @DisplayName("an address in the UAE needs no postal code and whatever is written there is kept")
  void emiratesHaveNoPostalCodes(String typed) {
    assertThat(PostalCodeRules.check("AE", typed)).isEmpty();
  }

  @Test
  @DisplayName("a German code of 4 digits is refused with a message naming the country and the shape")
  void germanMessage() {
    assertThat(PostalCodeRules.check("DE", "1011"))
      .containsExactly(new Violation("postalCode", "format", "a German postal code has 5 digits, e.g. 10115"));
  }

  @Test
  @DisplayName("a postal code is required where the post uses them, optional in Nigeria, but checked there when given")
  void requiredOrOptional() {
    assertThat(PostalCodeRules.check("DE", " "))
      .containsExactly(new Violation("postalCode", "required", "a German address needs a postal code"));
    assertThat(PostalCodeRules.check("NG", null)).isEmpty();
    assertThat(PostalCodeRules.check("NG", "1000")).extracting(Violation::rule).containsExactly("format");
    assertThat(PostalCodeRules.normalize("NG", "")).isNull();
  }

  @Test
  @DisplayName("full-width digits and hyphens, as typed on Japanese keyboards, are read as ASCII")
  void fullWidthInput() {
    assertThat(PostalCodeRules.normalize("JP", "１００－０００１")).isEqualTo("100-0001");
    assertThat(PostalCodeRules.check("jp", "１００－０００１")).isEmpty();
  }

  @Test
  @DisplayName("asking about a country we do not ship to is a programming error, not a quiet pass")
  void unknownCountry() {
    assertThatThrownBy(() -> PostalCodeRules.check("KP", "12345")).isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("KP");
    assertThatThrownBy(() -> PostalCodeRules.normalize(null, "12345")).isInstanceOf(IllegalArgumentException.class);
  }
}
