package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.infra.BuyerDataRepository;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.privacy.PersonalDataExport;
import io.vertx.core.Future;

import java.util.Set;
import java.util.UUID;

/**
 * The catalogue's part of the privacy rights: a buyer's reviews and purchases go into their data export, and
 * identity's {@code UserErased} anonymises them (each event applied once).
 */
public final class BuyerPrivacy {
  private static final String CONSUMER = "catalog.privacy";

  private final ContextRuntime runtime;
  private final BuyerDataRepository buyers;

  public BuyerPrivacy(ContextRuntime runtime, BuyerDataRepository buyers) {
    this.runtime = runtime;
    this.buyers = buyers;
  }

  public Future<Void> contributeToExports() {
    return PersonalDataExport.contribute(runtime.vertx(), CatalogContract.CONTEXT,
      buyerId -> buyers.export(runtime.pool(), buyerId));
  }

  public KafkaEventConsumer erasures() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(IdentityContract.USER_ERASED.topic()), this::erase);
  }

  private Future<Void> erase(EventEnvelope event) {
    UUID buyerId = UUID.fromString(event.payload().getString("userId"));
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, event.eventId())
      .compose(first -> first ? buyers.erase(tx, buyerId) : Future.succeededFuture()));
  }
}
