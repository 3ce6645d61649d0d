package dev.tradewind.identity.contract;

import java.util.List;

/** The revocations whose tokens may still be unexpired, for an edge that has just started. */
public record RecentRevocations(List<SessionsRevoked> revocations) {
  public RecentRevocations {
    revocations = List.copyOf(revocations);
  }
}
