package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** A merchant organisation and where its application stands. */
public record Merchant(UUID id, String legalName, String country, String defaultCurrency, String defaultLanguage,
                       String status, UUID ownerId, Instant appliedAt, Instant decidedAt, UUID decidedBy,
                       String rejectionReason) {
  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
}
