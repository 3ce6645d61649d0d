package dev.tradewind.identity.contract;

import dev.tradewind.shared.auth.Role;

import java.util.Set;

/** Creates an account with the given roles. For trusted callers inside the platform (demo data, staff tools). */
public record CreateAccount(String email, String password, String name, String country, String currency,
                            String language, Set<Role> roles) {
  public CreateAccount {
    roles = Set.copyOf(roles);
  }
}
