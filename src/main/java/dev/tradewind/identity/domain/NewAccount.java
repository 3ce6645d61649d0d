package dev.tradewind.identity.domain;

import dev.tradewind.shared.auth.Role;

import java.util.Locale;
import java.util.Set;

/** A validated request to open an account; the email is kept as typed and compared case-insensitively. */
public record NewAccount(String email, String password, String name, String country, String currency,
                         String language, Set<Role> roles) {
  public NewAccount {
    roles = Set.copyOf(roles);
  }

  public String normalizedEmail() {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
