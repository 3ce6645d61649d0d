package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.contract.AuditEntryReported;
import dev.tradewind.identity.contract.AuditTrailContract;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Appends the audit entries other contexts report through their outboxes, each once: the inbox row is written in the
 * entry's own transaction. An entry the trail refuses is logged and passed over, never retried for ever.
 */
public final class AuditReports {
  private static final Logger LOG = LoggerFactory.getLogger(AuditReports.class);
  private static final String CONSUMER = "identity.audit-reports";
  /** The contexts that report audit entries as events. */
  private static final Set<String> REPORTERS = Set.of("checkout");

  private final ContextRuntime runtime;
  private final AuditTrail audit;

  public AuditReports(ContextRuntime runtime, AuditTrail audit) {
    this.runtime = runtime;
    this.audit = audit;
  }

  public KafkaEventConsumer consumer() {
    Set<String> topics = Set.copyOf(REPORTERS.stream().map(c -> AuditTrailContract.reported(c).topic()).toList());
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER, topics, this::apply);
  }

  /** The report and when the change happened; a message that is not one is refused (IllegalArgumentException). */
  private static AuditEntryReported reported(EventEnvelope event) {
    Object entry = event.payload().getValue("entry");
    Object at = event.payload().getValue("occurredAt");
    if (event.eventId() == null || !(entry instanceof JsonObject) || !(at instanceof String)) {
      throw new IllegalArgumentException("not an AuditEntryReported: no event id, entry object or occurredAt");
    }
    return new AuditEntryReported(event.eventId(), Instant.parse((String) at), event.payload().getString("aggregateId"),
      1, Json.convert(entry, AuditEntry.class));
  }

  private Future<Void> apply(EventEnvelope event) {
    return Future.succeededFuture(event).map(AuditReports::reported)
      .compose(reported -> runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, event.eventId())
        .compose(first -> first ? audit.record(tx, reported.entry(), reported.occurredAt()).<Void>mapEmpty()
          : Future.<Void>succeededFuture())))
      .recover(failure -> {
        if (failure instanceof IllegalArgumentException || failure instanceof DateTimeParseException) {
          LOG.error("audit entry of event {} refused by the trail and passed over: {}", event.eventId(),
            failure.getMessage());
          return Future.succeededFuture();
        }
        return Future.failedFuture(failure);
      });
  }
}
