package dev.tradewind.identity.api;

import dev.tradewind.identity.application.Merchants;
import dev.tradewind.identity.application.Merchants.Actor;
import dev.tradewind.identity.application.Merchants.NewMerchant;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.geo.CountryCode;
import dev.tradewind.shared.money.CurrencyCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

import static dev.tradewind.identity.api.AccountApi.id;

/** Merchant organisations: applying, reading, staff and invitations. */
public final class MerchantApi {
  private final Merchants merchants;

  public MerchantApi(Merchants merchants) {
    this.merchants = merchants;
  }

  public void register(ApiDispatcher api) {
    api.on("applyForMerchant", Permission.USER, this::apply)
      .on("getMerchant", Permission.USER, r -> merchants.get(r.caller(), id(r, "merchantId")).map(ApiReply::ok))
      .on("listStaff", Permission.MERCHANT_READ, r -> merchants.staff(r.caller(), id(r, "merchantId"))
        .map(staff -> ApiReply.ok(new Views.Items<>(staff))))
      .on("changeStaffRole", Permission.MERCHANT_STAFF_MANAGE, r -> merchants.changeRole(actor(r), id(r, "merchantId"),
        id(r, "userId"), r.body().getString("role")).map(ApiReply::ok))
      .on("removeStaff", Permission.MERCHANT_STAFF_MANAGE, r -> merchants.remove(actor(r), id(r, "merchantId"),
        id(r, "userId")).map(v -> ApiReply.noContent()))
      .on("inviteStaff", Permission.MERCHANT_STAFF_MANAGE, r -> merchants.invite(actor(r), id(r, "merchantId"),
          r.body().getString("email"), r.body().getString("role"))
        .map(invitation -> ApiReply.created("/api/v1/merchants/" + invitation.merchantId() + "/staff", invitation)))
      .on("acceptInvitation", Permission.USER, r -> merchants.accept(actor(r), r.body().getString("token"))
        .map(ApiReply::ok));
  }

  private Future<ApiReply> apply(ApiRequest request) {
    JsonObject body = request.body();
    String country = body.getString("country").toUpperCase(Locale.ROOT);
    String currency = body.getString("defaultCurrency").toUpperCase(Locale.ROOT);
    if (!valid(() -> CountryCode.of(country))) {
      throw new ProblemException(Problem.invalidField("/country", "iso3166", "country must be an ISO 3166 alpha-2 code"));
    }
    if (!valid(() -> CurrencyCode.of(currency))) {
      throw new ProblemException(Problem.invalidField("/defaultCurrency", "iso4217", "defaultCurrency must be an ISO 4217 code"));
    }
    return merchants.apply(actor(request), new NewMerchant(body.getString("legalName").trim(), country, currency,
        body.getString("defaultLanguage")))
      .map(merchant -> ApiReply.created("/api/v1/merchants/" + merchant.id(), merchant));
  }

  static Actor actor(ApiRequest request) {
    return new Actor(request.caller(), request.clientAddress(), request.requestId());
  }

  private static boolean valid(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
