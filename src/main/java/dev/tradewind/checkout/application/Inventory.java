package dev.tradewind.checkout.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.SkuSnapshots;
import dev.tradewind.catalog.contract.SkuSnapshotsQuery;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.checkout.contract.StockSet;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.bus.Bus;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Merchants' fulfilment locations and on-hand stock. A stock figure below what is reserved is refused (409);
 * every change bumps the SKU's stock version and writes StockChanged in its transaction.
 */
public final class Inventory {
  private static final String DEFAULT_NAME = "Default";

  private final ContextRuntime runtime;
  private final StockRepository stock;
  private final StockEvents stockEvents;
  private final SkuGate gate;
  private final Clock clock;

  public Inventory(ContextRuntime runtime, StockRepository stock, StockEvents stockEvents, SkuGate gate, Clock clock) {
    this.runtime = runtime;
    this.stock = stock;
    this.stockEvents = stockEvents;
    this.gate = gate;
    this.clock = clock;
  }

  public Future<JsonObject> addLocation(Caller caller, String name, String country) {
    UUID merchantId = merchantOf(caller);
    return stock.addLocation(runtime.pool(), UUID.randomUUID(), merchantId, name, country.toUpperCase(java.util.Locale.ROOT),
        true, clock.instant())
      .map(created -> created.orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
        "A location with this name already exists.")));
  }

  public Future<JsonArray> locations(Caller caller) {
    return stock.locations(runtime.pool(), merchantOf(caller)).map(JsonArray::new);
  }

  public Future<JsonObject> setStock(Caller caller, UUID skuId, UUID locationId, int onHand, String requestId) {
    UUID merchantId = merchantOf(caller);
    return requireOwnSku(merchantId, skuId, requestId)
      .compose(v -> locationId != null ? stock.isLocationOf(runtime.pool(), locationId, merchantId)
        .map(own -> {
          if (!own) {
            throw ObjectAccess.notFound("location");
          }
          return locationId;
        })
        : stock.defaultLocation(runtime.pool(), merchantId).map(found -> found.orElseThrow(() -> new ProblemException(
          Problem.invalidField("locationId", "required", "No default location yet: create one or name a locationId.")))))
      .compose(location -> runtime.pool().withTransaction(tx -> write(tx, merchantId, skuId, location, onHand, requestId)))
      .compose(v -> stockOf(caller, skuId, requestId));
  }

  public Future<JsonObject> stockOf(Caller caller, UUID skuId, String requestId) {
    UUID merchantId = merchantOf(caller);
    return requireOwnSku(merchantId, skuId, requestId).compose(v -> stock.levels(runtime.pool(), skuId)).map(levels -> {
      JsonArray locations = new JsonArray();
      int available = 0;
      for (StockLevel level : levels) {
        available += level.available();
        locations.add(new JsonObject().put("locationId", level.locationId().toString()).put("country", level.country())
          .put("onHand", level.onHand()).put("reserved", level.reserved()).put("available", level.available())
          .put("sold", level.sold()));
      }
      return new JsonObject().put("skuId", skuId.toString()).put("available", available).put("locations", locations);
    });
  }

  /** The catalogue's command: stock at the merchant's default location, created in {@code locationCountry} if new. */
  public Future<StockSet> setStock(SetStock command, String requestId) {
    return stock.addLocation(runtime.pool(), UUID.randomUUID(), command.merchantId(), DEFAULT_NAME,
        command.locationCountry(), true, clock.instant())
      .compose(created -> stock.defaultLocation(runtime.pool(), command.merchantId()))
      .compose(location -> runtime.pool().withTransaction(tx -> {
        Future<Void> chain = Future.succeededFuture();
        for (SetStock.Level level : command.levels().stream().sorted(java.util.Comparator.comparing(SetStock.Level::skuId)).toList()) {
          chain = chain.compose(v -> write(tx, command.merchantId(), level.skuId(), location.orElseThrow(), level.onHand(),
            requestId));
        }
        return chain;
      }))
      .map(v -> new StockSet(command.levels().size()));
  }

  private Future<Void> write(SqlConnection tx, UUID merchantId, UUID skuId, UUID locationId, int onHand, String requestId) {
    Instant now = clock.instant();
    return stock.lock(tx, List.of(skuId))
      .compose(locked -> stock.setOnHand(tx, skuId, locationId, merchantId, onHand, now))
      .compose(written -> written ? stockEvents.announce(tx, List.of(skuId), now, requestId)
        : Future.failedFuture(new ProblemException(ProblemType.CONFLICT,
          "On hand cannot go below the units reserved for unpaid orders.")))
      .map(changes -> {
        changes.forEach(c -> gate.observe(c.skuId(), c.available()));
        return null;
      });
  }

  private Future<Void> requireOwnSku(UUID merchantId, UUID skuId, String requestId) {
    return Bus.<SkuSnapshots>request(runtime.vertx(), CatalogContract.SKU_SNAPSHOTS, new SkuSnapshotsQuery(List.of(skuId)),
        requestId)
      .map(found -> {
        if (found.skus().stream().noneMatch(s -> s.merchantId().equals(merchantId))) {
          throw ObjectAccess.notFound("SKU");
        }
        return null;
      });
  }

  private static UUID merchantOf(Caller caller) {
    if (caller.merchantId() == null) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Only merchant staff manage stock.");
    }
    return UUID.fromString(caller.merchantId());
  }
}
