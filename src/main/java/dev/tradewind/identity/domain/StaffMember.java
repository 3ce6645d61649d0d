package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** A user working for a merchant, in one role. */
public record StaffMember(UUID userId, String name, String email, String role, Instant joinedAt) {
}
