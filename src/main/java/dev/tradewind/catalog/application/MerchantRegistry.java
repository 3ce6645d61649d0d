package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.MerchantRegistryRepository;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the catalogue's own list of merchants allowed to sell, from identity's {@code MerchantApproved} events
 * on Kafka, each applied once (the inbox remembers event ids in the same transaction).
 */
public final class MerchantRegistry {
  private static final String CONSUMER = "catalog.merchant-registry";

  private final ContextRuntime runtime;
  private final MerchantRegistryRepository merchants;

  public MerchantRegistry(ContextRuntime runtime, MerchantRegistryRepository merchants) {
    this.runtime = runtime;
    this.merchants = merchants;
  }

  public KafkaEventConsumer consumer() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(IdentityContract.MERCHANT_APPROVED.topic()), this::apply);
  }

  private Future<Void> apply(EventEnvelope event) {
    JsonObject e = event.payload();
    Seller seller = new Seller(UUID.fromString(e.getString("merchantId")), e.getString("legalName"),
      e.getString("country"), e.getString("defaultCurrency"), e.getString("defaultLanguage"));
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, event.eventId())
      .compose(first -> first ? merchants.remember(tx, seller, Instant.parse(e.getString("occurredAt")))
        : Future.succeededFuture()));
  }
}
