package dev.tradewind.identity.api;

import dev.tradewind.identity.application.Accounts;
import dev.tradewind.identity.application.Accounts.ProfileChange;
import dev.tradewind.identity.application.Addresses;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** The signed-in user's own account: profile, address book, export and erasure. */
public final class AccountApi {
  private final Accounts accounts;
  private final Addresses addresses;

  public AccountApi(Accounts accounts, Addresses addresses) {
    this.accounts = accounts;
    this.addresses = addresses;
  }

  public void register(ApiDispatcher api) {
    api.on("getProfile", Permission.USER, r -> accounts.profile(user(r)).map(u -> ApiReply.ok(Views.profile(u))))
      .on("updateProfile", Permission.USER, this::updateProfile)
      .on("listAddresses", Permission.USER, r -> addresses.list(user(r)).map(l -> ApiReply.ok(new Views.Items<>(l))))
      .on("addAddress", Permission.USER, r -> addresses.add(user(r), r.body())
        .map(a -> ApiReply.created("/api/v1/me/addresses/" + a.id(), Addresses.view(a))))
      .on("getAddress", Permission.USER, r -> addresses.get(user(r), id(r, "addressId"))
        .map(a -> ApiReply.ok(Addresses.view(a))))
      .on("replaceAddress", Permission.USER, r -> addresses.replace(user(r), id(r, "addressId"), r.body())
        .map(a -> ApiReply.ok(Addresses.view(a))))
      .on("deleteAddress", Permission.USER, r -> addresses.delete(user(r), id(r, "addressId"))
        .map(v -> ApiReply.noContent()))
      .on("exportPersonalData", Permission.USER, r -> accounts.export(user(r), r.clientAddress(), r.requestId())
        .map(export -> ApiReply.ok(export).withHeader("Cache-Control", "no-store")))
      .on("eraseAccount", Permission.USER, r -> accounts.erase(user(r), r.body().getString("password"),
        r.clientAddress(), r.requestId()).map(v -> ApiReply.noContent()))
      .on("listDestinationCountries", Permission.PUBLIC, r -> Future.succeededFuture(
        ApiReply.ok(Addresses.destinations()).withHeader("Cache-Control", "public, max-age=3600")));
  }

  private Future<ApiReply> updateProfile(ApiRequest request) {
    JsonObject body = request.body();
    return accounts.updateProfile(user(request), new ProfileChange(body.getString("name"), body.getString("country"),
        body.getString("currency"), body.getString("language"), body.getString("phone")))
      .map(user -> ApiReply.ok(Views.profile(user)));
  }

  static UUID user(ApiRequest request) {
    return UUID.fromString(request.caller().userId());
  }

  static UUID id(ApiRequest request, String name) {
    return request.pathId(name);
  }
}
