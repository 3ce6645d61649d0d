package dev.tradewind.checkout.application;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.checkout.contract.StockSet;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.geo.CountryCode;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Merchants' fulfilment locations and on-hand stock. A stock figure below what is reserved is refused (409);
 * every change bumps the SKU's stock version and writes StockChanged in its transaction.
 */
public final class Inventory {
  private static final String DEFAULT_NAME = "Default";
  /** On hand summed over a SKU's locations at most, so that every figure derived from it stays an int. */
  public static final int MAX_ON_HAND_PER_SKU = 1_000_000_000;

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
    return stock.addLocation(runtime.pool(), UUID.randomUUID(), merchantId, name, country(country), true, clock.instant())
      .map(created -> created.orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
        "A location with this name already exists.")));
  }

  private static String country(String code) {
    try {
      return CountryCode.of(code).code();
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("country", "iso-3166-1", e.getMessage()));
    }
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
      .onSuccess(this::committed)
      .compose(v -> stockOf(caller, skuId, requestId));
  }

  public Future<JsonObject> stockOf(Caller caller, UUID skuId, String requestId) {
    UUID merchantId = merchantOf(caller);
    return requireOwnSku(merchantId, skuId, requestId).compose(v -> stock.levels(runtime.pool(), skuId)).map(levels -> {
      JsonArray locations = new JsonArray();
      long available = 0;
      for (StockLevel level : levels) {
        available += level.available();
        locations.add(new JsonObject().put("locationId", level.locationId().toString()).put("country", level.country())
          .put("onHand", level.onHand()).put("reserved", level.reserved()).put("available", level.available())
          .put("sold", level.sold()));
      }
      return new JsonObject().put("skuId", skuId.toString()).put("available", available).put("locations", locations);
    });
  }

  /**
   * The catalogue's command: stock at the merchant's default location, created in {@code locationCountry} if the
   * merchant has none. All or nothing: one figure below what is reserved refuses the whole command (409).
   */
  public Future<StockSet> setStock(SetStock command, String requestId) {
    if (command.levels().stream().anyMatch(level -> level.onHand() < 0)) {
      return Future.failedFuture(new ProblemException(Problem.invalidField("onHand", "minimum",
        "onHand must be 0 or more.")));
    }
    List<SetStock.Level> levels = command.levels().stream().sorted(Comparator.comparing(SetStock.Level::skuId)).toList();
    return runtime.pool().withTransaction(tx -> defaultLocation(tx, command.merchantId(), command.locationCountry())
        .compose(location -> {
          Future<List<StockRepository.Availability>> chain = Future.succeededFuture(List.of());
          for (SetStock.Level level : levels) {
            chain = chain.compose(before -> write(tx, command.merchantId(), level.skuId(), location, level.onHand(),
              requestId).map(after -> concat(before, after)));
          }
          return chain;
        }))
      .onSuccess(this::committed)
      .map(v -> new StockSet(levels.size()));
  }

  private Future<UUID> defaultLocation(SqlConnection tx, UUID merchantId, String country) {
    return stock.defaultLocation(tx, merchantId).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
      : stock.addLocation(tx, UUID.randomUUID(), merchantId, DEFAULT_NAME, country.toUpperCase(Locale.ROOT), true,
          clock.instant())
        .compose(created -> stock.defaultLocation(tx, merchantId)).map(Optional::orElseThrow));
  }

  private Future<List<StockRepository.Availability>> write(SqlConnection tx, UUID merchantId, UUID skuId,
                                                           UUID locationId, int onHand, String requestId) {
    Instant now = clock.instant();
    return stock.serializeOnHandWrites(tx, skuId)
      .compose(v -> stock.lock(tx, List.of(skuId)))
      .compose(locked -> {
        long elsewhere = locked.stream().filter(l -> !l.locationId().equals(locationId)).mapToLong(StockLevel::onHand).sum();
        if (elsewhere + onHand > MAX_ON_HAND_PER_SKU) {
          String detail = "On hand across a SKU's locations is at most " + MAX_ON_HAND_PER_SKU + "; its other locations hold "
            + elsewhere + ".";
          return Future.failedFuture(new ProblemException(new Problem(Problem.TYPE_PREFIX + ProblemType.UNPROCESSABLE.slug(),
            ProblemType.UNPROCESSABLE.title(), 422, detail, null, null,
            List.of(new Problem.FieldError("onHand", "maximum-total", detail)))));
        }
        return stock.setOnHand(tx, skuId, locationId, merchantId, onHand, now);
      })
      .compose(written -> written ? stockEvents.announce(tx, List.of(skuId), now, requestId)
        : Future.failedFuture(new ProblemException(ProblemType.CONFLICT,
          "On hand cannot go below the units reserved for unpaid orders.")));
  }

  /** Only committed figures reach the sold-out gate, and the relay is told at once. */
  private void committed(List<StockRepository.Availability> changes) {
    changes.forEach(c -> gate.observe(c.skuId(), c.available(), c.version()));
    runtime.outboxCommitted();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private Future<Void> requireOwnSku(UUID merchantId, UUID skuId, String requestId) {
    return CatalogSkus.byId(runtime.vertx(), List.of(skuId), null, requestId)
      .map(found -> {
        SkuSnapshot sku = found.get(skuId);
        if (sku == null || !sku.merchantId().equals(merchantId)) {
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
