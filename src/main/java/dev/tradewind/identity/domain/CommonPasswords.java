package dev.tradewind.identity.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Passwords long enough to pass the length rule yet among the first an attacker tries. */
public final class CommonPasswords {
  private final Set<String> passwords;

  public CommonPasswords(Set<String> passwords) {
    this.passwords = passwords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public boolean contains(String password) {
    return passwords.contains(password.toLowerCase(Locale.ROOT));
  }
}
