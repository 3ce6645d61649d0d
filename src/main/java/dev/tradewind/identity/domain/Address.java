package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored shipping address of one user. */
public record Address(UUID id, UUID userId, String label, String recipient, String line1, String line2, String city,
                      String region, String postalCode, String country, String phone, boolean isDefault,
                      Instant createdAt, Instant updatedAt) {
}
