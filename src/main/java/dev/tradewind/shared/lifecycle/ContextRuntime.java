package dev.tradewind.shared.lifecycle;

import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.kafka.KafkaSettings;
import dev.tradewind.shared.outbox.Inbox;
import dev.tradewind.shared.outbox.OutboxRepository;
import dev.tradewind.shared.outbox.OutboxRelay;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** What a started context is given to wire its use cases: its pool, outbox, inbox and API dispatcher. */
public record ContextRuntime(String context, Vertx vertx, JsonObject config, Pool pool, OutboxRepository outbox,
                             Inbox inbox, ApiDispatcher api, KafkaSettings kafka) {

  /** Tells this context's relay that a transaction just committed events, so they leave without waiting a poll. */
  public void outboxCommitted() {
    vertx.eventBus().send(OutboxRelay.wakeAddress(context), null);
  }
}
