package dev.tradewind.shared.outbox;

import java.time.Instant;
import java.util.UUID;

/** What every domain event carries, whatever else it says. */
public interface DomainEvent {
  UUID eventId();

  Instant occurredAt();

  String aggregateId();

  int schemaVersion();
}
