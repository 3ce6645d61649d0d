package dev.tradewind.shared.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Currency;
import java.util.Locale;

/**
 * An ISO 4217 currency that money can be held in. Codes without minor units (metals such as XAU, funds,
 * the testing code XTS, "no currency" XXX) are refused: they have no fixed scale, so no exact amount.
 * Parsing is case-insensitive; the code is kept in upper case.
 */
public record CurrencyCode(String code) {

  public CurrencyCode {
    if (code == null) {
      throw new IllegalArgumentException("currency code is required");
    }
    code = code.toUpperCase(Locale.ROOT);
    Currency currency = lookUp(code);
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("'" + code + "' has no minor units, so it cannot hold an exact amount");
    }
  }

  @JsonCreator
  public static CurrencyCode of(String code) {
    return new CurrencyCode(code);
  }

  /** Digits after the decimal point: JPY 0, EUR 2, KWD 3. */
  public int minorUnits() {
    return Currency.getInstance(code).getDefaultFractionDigits();
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }

  private static Currency lookUp(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code", unknown);
    }
  }
}
