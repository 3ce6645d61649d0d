package dev.tradewind.identity.api;

import dev.tradewind.identity.domain.UserAccount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the identity API shows of its objects: never a password hash or a token hash. */
final class Views {
  private Views() {
  }

  record ProfileView(UUID id, String email, String name, String country, String currency, String language,
                     String phone, List<String> roles, UUID merchantId, String merchantRole, Instant createdAt) {
  }

  static ProfileView profile(UserAccount user) {
    return new ProfileView(user.id(), user.email(), user.name(), user.country(), user.currency(), user.language(),
      user.phone(), user.tokenRoles(), user.merchantId(), user.merchantRole(), user.createdAt());
  }

  record Items<T>(List<T> items) {
  }
}
