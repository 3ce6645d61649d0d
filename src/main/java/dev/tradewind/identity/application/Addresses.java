package dev.tradewind.identity.application;

import dev.tradewind.identity.domain.Address;
import dev.tradewind.identity.domain.AddressRules;
import dev.tradewind.identity.domain.DestinationCountries;
import dev.tradewind.identity.domain.NewAddress;
import dev.tradewind.identity.domain.PostalCodeRules;
import dev.tradewind.identity.infra.AddressRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problem.FieldError;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A buyer's address book. Every read and write names the owner, so another user's address is simply absent. */
public final class Addresses {
  static final int MAX_ADDRESSES = 20;

  private final Pool pool;
  private final AddressRepository addresses;
  private final Clock clock;

  public Addresses(Pool pool, AddressRepository addresses, Clock clock) {
    this.pool = pool;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** The address as the API shows it. */
  public record AddressView(UUID id, String label, String recipient, String line1, String line2, String city,
                            String region, String postalCode, String country, String phone, boolean isDefault) {
  }

  public static AddressView view(Address a) {
    return new AddressView(a.id(), a.label(), a.recipient(), a.line1(), a.line2(), a.city(), a.region(),
      a.postalCode(), a.country(), a.phone(), a.isDefault());
  }

  public Future<List<AddressView>> list(UUID userId) {
    return addresses.list(pool, userId).map(all -> all.stream().map(Addresses::view).toList());
  }

  public Future<Address> get(UUID userId, UUID id) {
    return addresses.find(pool, id, userId).map(found -> {
      if (found == null) {
        throw ObjectAccess.notFound("address");
      }
      return found;
    });
  }

  public Future<Address> add(UUID userId, JsonObject body) {
    NewAddress address = valid(body);
    UUID id = UUID.randomUUID();
    return pool.withTransaction(tx -> addresses.lockBook(tx, userId).compose(count -> {
      if (count >= MAX_ADDRESSES) {
        throw new ProblemException(ProblemType.CONFLICT, "An address book holds at most " + MAX_ADDRESSES + " addresses.");
      }
      return addresses.insert(tx, id, userId, address, now());
    })).compose(v -> get(userId, id));
  }

  public Future<Address> replace(UUID userId, UUID id, JsonObject body) {
    NewAddress address = valid(body);
    return pool.withTransaction(tx -> addresses.lockBook(tx, userId)
        .compose(count -> addresses.update(tx, id, userId, address, now())))
      .compose(updated -> {
        if (!updated) {
          throw ObjectAccess.notFound("address");
        }
        return get(userId, id);
      });
  }

  public Future<Void> delete(UUID userId, UUID id) {
    return pool.withTransaction(tx -> addresses.delete(tx, id, userId)).map(deleted -> {
      if (!deleted) {
        throw ObjectAccess.notFound("address");
      }
      return null;
    });
  }

  /** The destination countries with an example postal code each, for storefront address forms. */
  public static JsonObject destinations() {
    JsonArray countries = new JsonArray();
    DestinationCountries.all().forEach(code -> countries.add(new JsonObject().put("code", code)
      .put("postalCodeExample", PostalCodeRules.example(code))));
    return new JsonObject().put("items", countries);
  }

  private static NewAddress valid(JsonObject body) {
    NewAddress typed = new NewAddress(body.getString("label"), body.getString("recipient"), body.getString("line1"),
      body.getString("line2"), body.getString("city"), body.getString("region"), body.getString("postalCode"),
      body.getString("country"), body.getString("phone"), body.getBoolean("isDefault", false));
    var violations = AddressRules.check(typed);
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.invalid("The address breaks the rules.", violations.stream()
        .map(v -> new FieldError("/" + v.field(), v.rule(), v.message())).toList()));
    }
    return AddressRules.accept(typed);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
