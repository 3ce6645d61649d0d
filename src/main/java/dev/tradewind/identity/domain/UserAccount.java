package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as identity stores it, with the merchant membership the user's tokens carry. */
public record UserAccount(UUID id, String email, String name, String country, String currency, String language,
                          String phone, List<String> roles, String status, String passwordHash, UUID merchantId,
                          String merchantRole, Instant createdAt) {
  public static final String ACTIVE = "ACTIVE";
  public static final String DEACTIVATED = "DEACTIVATED";
  public static final String ERASED = "ERASED";

  public UserAccount {
    roles = List.copyOf(roles);
  }

  public boolean active() {
    return ACTIVE.equals(status);
  }

  /** Platform roles plus the merchant role: what goes into an access token. */
  public List<String> tokenRoles() {
    if (merchantRole == null) {
      return roles;
    }
    var all = new java.util.ArrayList<>(roles);
    all.add(merchantRole);
    return List.copyOf(all);
  }
}
