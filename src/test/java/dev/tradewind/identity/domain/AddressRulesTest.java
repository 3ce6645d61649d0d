package dev.tradewind.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradewind.identity.domain.AccountRules.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

  /** An address as a buyer types it; each test changes what its story is about. */
  private static final class Typed {
    String label = "Home";
    String recipient = "Erika Mustermann";
    String line1 = "Unter den Linden 77";
    String line2 = null;
    String city = "Berlin";
    String region = null;
    String postalCode = "10117";
    String country = "DE";
    String phone = "030 1234567";
    boolean isDefault = true;

    static Typed inGermany() {
      return new Typed();
    }

    static Typed inTheUs() {
      Typed t = new Typed();
      t.recipient = "Jane Doe";
      t.line1 = "1600 Pennsylvania Ave NW";
      t.city = "Washington";
      t.region = "DC";
      t.postalCode = "20500";
      t.country = "US";
      t.phone = "(202) 456-1111";
      return t;
    }

    NewAddress build() {
      return new NewAddress(label, recipient, line1, line2, city, region, postalCode, country, phone, isDefault);
    }
  }

  private static List<Violation> check(Typed typed) {
    return AddressRules.check(typed.build());
  }

  @Test
  @DisplayName("a complete German and a complete US address break no rule")
  void completeAddressesPass() {
    assertThat(check(Typed.inGermany())).isEmpty();
    assertThat(check(Typed.inTheUs())).isEmpty();
  }

  @Test
  @DisplayName("an empty form is answered with every missing field at once, not one at a time")
  void everythingMissingIsReportedTogether() {
    List<Violation> violations = AddressRules.check(new NewAddress(null, " ", "", null, null, null, null, null, null,
      false));
    assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
      tuple("recipient", "required"),
      tuple("line1", "required"),
      tuple("city", "required"),
      tuple("country", "required"),
      tuple("phone", "required"));
  }

  @Test
  @DisplayName("a US address with several mistakes gets one violation per mistake, each naming its field")
  void severalMistakesInOneUsAddress() {
    Typed typed = Typed.inTheUs();
    typed.label = "x".repeat(AddressRules.MAX_LABEL + 1);
    typed.line2 = "Suite\u0000100";
    typed.region = null;
    typed.postalCode = "2050";
    typed.phone = "456-1111";
    assertThat(check(typed)).extracting(Violation::field, Violation::rule).containsExactly(
      tuple("label", "length"),
      tuple("line2", "characters"),
      tuple("region", "required"),
      tuple("postalCode", "format"),
      tuple("phone", "e164"));
  }

  @ParameterizedTest(name = "''{0}'' is accepted")
  @ValueSource(strings = {"NY", "ny", " ca ", "DC", "PR", "AE"})
  @DisplayName("a US state, district, territory or armed-forces code is accepted in any case")
  void usStateCodes(String region) {
    Typed typed = Typed.inTheUs();
    typed.region = region;
    assertThat(check(typed)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"XX", "New York", "N.Y.", "ON"})
  @DisplayName("anything but a US state code is refused for a US address")
  void unknownUsRegion(String region) {
    Typed typed = Typed.inTheUs();
    typed.region = region;
    assertThat(check(typed)).containsExactly(new Violation("region", "known",
      "region must be a US state or territory code (AA, AE, AP for the armed forces), e.g. NY"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"ON, CA, true", "QC, CA, true", "NY, CA, false", "NSW, AU, true", "VIC, AU, true", "NY, AU, false"})
  @DisplayName("Canadian provinces and Australian states are checked against their postal abbreviations")
  void canadianAndAustralianRegions(String region, String country, boolean known) {
    Typed typed = Typed.inTheUs();
    typed.country = country;
    typed.region = region;
    typed.postalCode = country.equals("CA") ? "K1A 0B1" : "2000";
    typed.phone = country.equals("CA") ? "+1 613 555 0123" : "+61 2 9374 4000";
    assertThat(check(typed)).extracting(Violation::rule).isEqualTo(known ? List.of() : List.of("known"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"US", "CA", "AU", "BR", "MX", "IN", "CN"})
  @DisplayName("where carriers route by state or province, the region is required")
  void regionRequired(String country) {
    Typed typed = Typed.inGermany();
    typed.country = country;
    typed.postalCode = PostalCodeRules.example(country);
    typed.phone = "+4930123456";
    assertThat(check(typed)).containsExactly(new Violation("region", "required",
      "region is required for addresses in " + country));
  }

  @Test
  @DisplayName("elsewhere the region is optional and kept as written")
  void regionOptionalElsewhere() {
    Typed typed = Typed.inGermany();
    assertThat(check(typed)).isEmpty();
    typed.region = " Berlin ";
    assertThat(AddressRules.accept(typed.build()).region()).isEqualTo("Berlin");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"KP", "kp", "XX", "Germany", "DEU"})
  @DisplayName("an address in a country we do not ship to is refused, and its postal code is not judged")
  void notADestination(String country) {
    Typed typed = Typed.inGermany();
    typed.country = country;
    typed.postalCode = "garbage";
    typed.phone = "+49 30 1234567";
    assertThat(check(typed)).extracting(Violation::field, Violation::rule)
      .containsExactly(tuple("country", "destination"));
  }

  @ParameterizedTest(name = "control character U+{0}")
  @ValueSource(ints = {0x00, 0x07, 0x0A, 0x0D, 0x1B, 0x7F, 0x85})
  @DisplayName("control characters inside any text field are refused")
  void controlCharacters(int control) {
    String c = Character.toString(control);
    Typed typed = Typed.inGermany();
    typed.label = "Ho" + c + "me";
    typed.recipient = "Erika" + c + "Mustermann";
    typed.line1 = "Unter den Linden" + c + "77";
    typed.line2 = "2." + c + "OG";
    typed.city = "Ber" + c + "lin";
    typed.region = "Ber" + c + "lin";
    typed.postalCode = "101" + c + "17";
    typed.phone = "030" + c + "1234567";
    assertThat(check(typed)).extracting(Violation::field, Violation::rule).containsExactlyElementsOf(
      Stream.of("label", "recipient", "line1", "line2", "city", "region", "postalCode", "phone")
        .map(field -> tuple(field, "characters")).toList());
  }

  @Test
  @DisplayName("a newline pasted at the end of a field is trimmed away, not refused")
  void surroundingWhitespaceIsTrimmed() {
    Typed typed = Typed.inGermany();
    typed.line1 = "Unter den Linden 77\n";
    assertThat(check(typed)).isEmpty();
    assertThat(AddressRules.accept(typed.build()).line1()).isEqualTo("Unter den Linden 77");
  }

  @Test
  @DisplayName("lengths count characters, so a recipient in Japanese or with emoji gets the full allowance")
  void lengthCountsCharacters() {
    Typed typed = Typed.inGermany();
    typed.recipient = "😀".repeat(AddressRules.MAX_RECIPIENT);
    assertThat(check(typed)).isEmpty();
    typed.recipient = "山".repeat(AddressRules.MAX_RECIPIENT + 1);
    assertThat(check(typed)).extracting(Violation::field, Violation::rule).containsExactly(tuple("recipient", "length"));
  }

  @Test
  @DisplayName("an accepted address is stored trimmed, with country, postal code, region and phone in one form")
  void acceptNormalises() {
    NewAddress typed = new NewAddress("  ", " Jane Doe ", " 1600 Pennsylvania Ave NW ", "", " Washington ", " dc ",
      " 205000003 ", " us ", "(202) 456-1111", false);
    assertThat(AddressRules.accept(typed)).isEqualTo(new NewAddress(null, "Jane Doe", "1600 Pennsylvania Ave NW",
      null, "Washington", "DC", "20500-0003", "US", "+12024561111", false));
  }

  @Test
  @DisplayName("a British address typed carelessly is stored the way Royal Mail writes it")
  void acceptBritishAddress() {
    NewAddress typed = new NewAddress("Work", "Sherlock Holmes", "221B Baker Street", null, "London", null, "nw16xe",
      "gb", "020 7946 0958", true);
    NewAddress stored = AddressRules.accept(typed);
    assertThat(stored.postalCode()).isEqualTo("NW1 6XE");
    assertThat(stored.country()).isEqualTo("GB");
    assertThat(stored.phone()).isEqualTo("+442079460958");
    assertThat(stored.isDefault()).isTrue();
  }

  @Test
  @DisplayName("an address in the UAE needs no postal code")
  void emiratesWithoutPostalCode() {
    NewAddress typed = new NewAddress(null, "Fatima Al Mansouri", "Sheikh Zayed Road, Tower 1, Apt 1203", null,
      "Dubai", "Dubai", null, "AE", "050 123 4567", false);
    assertThat(AddressRules.check(typed)).isEmpty();
    assertThat(AddressRules.accept(typed).phone()).isEqualTo("+971501234567");
  }

  @Test
  @DisplayName("accepting an address that breaks a rule is a programming error")
  void acceptRefusesInvalid() {
    Typed typed = Typed.inGermany();
    typed.postalCode = "1011";
    assertThatThrownBy(() -> AddressRules.accept(typed.build()))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("postalCode");
  }
}
