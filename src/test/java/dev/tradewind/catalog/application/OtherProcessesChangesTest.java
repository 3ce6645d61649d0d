package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.shared.kafka.EventEnvelope;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OtherProcessesChangesTest {
  private final HotReads hotReads = new HotReads(100, 1_000, System::nanoTime);
  private final OtherProcessesChanges changes = new OtherProcessesChanges(null, hotReads);
  private final UUID sku = UUID.randomUUID();

  private void stock(int available) {
    changes.apply(new EventEnvelope(UUID.randomUUID(), CheckoutContract.STOCK_CHANGED.topic(), sku.toString(),
      new JsonObject().put("skuId", sku.toString()).put("available", available), null, 0, 0));
  }

  @Test
  @DisplayName("another process's stock figures move the search generation only when the SKU runs out or comes back")
  void stockFlipsOnly() {
    long start = hotReads.generation();
    stock(5);
    stock(4);
    assertThat(hotReads.generation()).as("still in stock").isEqualTo(start);
    stock(0);
    assertThat(hotReads.generation()).as("ran out").isEqualTo(start + 1);
    stock(0);
    assertThat(hotReads.generation()).as("still out").isEqualTo(start + 1);
    stock(3);
    assertThat(hotReads.generation()).as("came back").isEqualTo(start + 2);
  }

  @Test
  @DisplayName("another process's product event moves the search generation")
  void productEvents() {
    long start = hotReads.generation();
    changes.apply(new EventEnvelope(UUID.randomUUID(), CatalogContract.PRICE_CHANGED.topic(), "k",
      new JsonObject().put("productId", UUID.randomUUID().toString()), null, 0, 0));
    assertThat(hotReads.generation()).isEqualTo(start + 1);
  }
}
