package dev.tradewind.identity.domain;

import dev.tradewind.shared.auth.Role;
import dev.tradewind.shared.geo.CountryCode;
import dev.tradewind.shared.money.CurrencyCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules an account must meet before anything is stored; every broken rule is reported, not just the first. */
public final class AccountRules {
  public static final int MIN_PASSWORD_LENGTH = 10;
  public static final int MAX_PASSWORD_LENGTH = 128;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Z]{2})?$");

  private final CommonPasswords commonPasswords;

  public AccountRules(CommonPasswords commonPasswords) {
    this.commonPasswords = commonPasswords;
  }

  /** A broken rule: the field and the rule's name, with a sentence for people. */
  public record Violation(String field, String rule, String message) {
  }

  public List<Violation> check(String email, String password, String name, String country, String currency,
                               String language) {
    List<Violation> out = new ArrayList<>();
    if (email == null || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
      out.add(new Violation("email", "format", "email must be a valid address"));
    }
    checkPassword(password, email, out);
    out.addAll(checkProfile(name, country, currency, language));
    return out;
  }

  /** The rules of the fields a user may change later: name, country, currency, language. */
  public List<Violation> checkProfile(String name, String country, String currency, String language) {
    List<Violation> out = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      out.add(new Violation("name", "length", "name must be 1 to 200 characters"));
    }
    if (!valid(() -> CountryCode.of(country))) {
      out.add(new Violation("country", "iso3166", "country must be an ISO 3166 alpha-2 code"));
    }
    if (currency != null && !valid(() -> CurrencyCode.of(currency))) {
      out.add(new Violation("currency", "iso4217", "currency must be an ISO 4217 code"));
    }
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      out.add(new Violation("language", "bcp47", "language must be a language tag such as en or pt-BR"));
    }
    return out;
  }

  public NewAccount accept(String email, String password, String name, String country, String currency,
                           String language, Set<Role> roles) {
    return new NewAccount(email.trim(), password, name.trim(), country.toUpperCase(Locale.ROOT),
      currency == null ? null : currency.toUpperCase(Locale.ROOT), language, roles);
  }

  private void checkPassword(String password, String email, List<Violation> out) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
      out.add(new Violation("password", "length",
        "password must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters"));
    } else if (commonPasswords.contains(password)
      || (email != null && password.equalsIgnoreCase(email.trim()))) {
      out.add(new Violation("password", "not-common", "password is too common or too easy to guess"));
    }
  }

  private static boolean valid(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
