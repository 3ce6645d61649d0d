package dev.tradewind.shared.api;

import java.util.Set;

/**
 * Who is calling, as the edge established it from a verified access token. Contexts check ownership against
 * it themselves; {@link #ANONYMOUS} when no token was presented.
 */
public record Caller(String userId, Set<String> roles, String merchantId) {
  public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean authenticated() {
    return userId != null;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
