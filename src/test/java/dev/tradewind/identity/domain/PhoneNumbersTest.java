package dev.tradewind.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tradewind.identity.domain.AccountRules.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumbersTest {

  @ParameterizedTest(name = "{1} ''{0}'' is {2}")
  @CsvSource({
    "030 1234567, DE, +49301234567",
    "(202) 456-1111, US, +12024561111",
    "020 7946 0958, GB, +442079460958",
    "01 42 68 53 00, FR, +33142685300",
    "03-3224-9999, JP, +81332249999",
    "(11) 91234-5678, BR, +5511912345678",
    "0412 345 678, AU, +61412345678",
    "091234 56789, IN, +919123456789",
    "6123 4567, SG, +6561234567",
    "010-1234-5678, KR, +821012345678",
    "0803 123 4567, NG, +2348031234567",
    "050 123 4567, AE, +971501234567",
    "044 668 18 00, CH, +41446681800"})
  @DisplayName("a number dialled nationally is read in the address's country and becomes E.164")
  void nationalNumbers(String typed, String country, String e164) {
    PhoneNumbers.Result result = PhoneNumbers.toE164(typed, country);
    assertThat(result.violations()).isEmpty();
    assertThat(result.valid()).isTrue();
    assertThat(result.e164()).isEqualTo(e164);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tradewind.identity.domain.DestinationCountries#all")
  @DisplayName("in every destination, the national form of a valid number is understood")
  void everyDestinationReadsItsNationalForm(String country) {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    PhoneNumber example = phones.getExampleNumber(country);
    String national = phones.format(example, PhoneNumberFormat.NATIONAL);
    assertThat(PhoneNumbers.toE164(national, country).e164())
      .isEqualTo(phones.format(example, PhoneNumberFormat.E164));
  }

  @ParameterizedTest(name = "''{0}'' with address in {1} is {2}")
  @CsvSource(value = {
    "+4930123456, DE, +4930123456",
    "+44 20 7946 0958, DE, +442079460958",
    "+1 (202) 456-1111, JP, +12024561111",
    "+81 3-3224-9999, null, +81332249999",
    "0049 30 1234567, DE, +49301234567"}, nullValues = "null")
  @DisplayName("a number written internationally is taken as it is, whatever the address's country")
  void internationalNumbers(String typed, String country, String e164) {
    assertThat(PhoneNumbers.toE164(typed, country).e164()).isEqualTo(e164);
  }

  @ParameterizedTest(name = "''{0}'' with address in {1}")
  @CsvSource(value = {
    "12345, DE",
    "456-1111, US",
    "+49 30, DE",
    "+999 1234567890, DE",
    "call me, GB",
    "030 1234567, null",
    "030 1234567 ext. 12, DE",
    "'', DE",
    "null, DE"}, nullValues = "null")
  @DisplayName("a number that cannot be dialled is refused as not E.164")
  void invalidNumbers(String typed, String country) {
    PhoneNumbers.Result result = PhoneNumbers.toE164(typed, country);
    assertThat(result.e164()).isNull();
    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).extracting(Violation::field, Violation::rule)
      .containsExactly(tuple("phone", "e164"));
  }

  @Test
  @DisplayName("a German mobile number typed with the trunk 0 after the country code is still read correctly")
  void trunkPrefixAfterCountryCode() {
    assertThat(PhoneNumbers.toE164("+49 (0)151 23456789", "DE").e164()).isEqualTo("+4915123456789");
    assertThat(PhoneNumbers.toE164("0151 23456789", "de").e164()).isEqualTo("+4915123456789");
  }
}
