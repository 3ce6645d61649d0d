package dev.tradewind.identity.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tradewind.identity.domain.AccountRules.Violation;

import java.util.List;
import java.util.Locale;

/**
 * A delivery phone number in E.164 form (+49301234567), the one form every carrier accepts. A buyer may type it
 * internationally (with +), which is read as is, or nationally, which is read in the address's country.
 */
public final class PhoneNumbers {
  public static final String FIELD = "phone";
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  /** libphonenumber's region for "none": a number read with it must carry its own country code. */
  private static final String NO_REGION = "ZZ";

  private PhoneNumbers() {
  }

  /** The E.164 form when the number is valid, otherwise the broken rule; never both. */
  public record Result(String e164, List<Violation> violations) {
    public Result {
      violations = List.copyOf(violations);
    }

    public boolean valid() {
      return violations.isEmpty();
    }
  }

  public static Result toE164(String phone, String country) {
    if (phone == null || phone.isBlank()) {
      return invalid();
    }
    String region = country == null ? NO_REGION : country.strip().toUpperCase(Locale.ROOT);
    try {
      PhoneNumber number = PHONES.parse(phone, region);
      // E.164 has no room for an extension; dropping it silently would leave the courier at a switchboard.
      if (number.hasExtension() || !PHONES.isValidNumber(number)) {
        return invalid();
      }
      return new Result(PHONES.format(number, PhoneNumberFormat.E164), List.of());
    } catch (NumberParseException e) {
      return invalid();
    }
  }

  private static Result invalid() {
    return new Result(null, List.of(new Violation(FIELD, "e164",
      "phone must be a valid number, written internationally (+49 30 1234567) or as dialled in the address's country")));
  }
}
