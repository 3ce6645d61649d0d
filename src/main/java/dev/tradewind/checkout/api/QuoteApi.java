package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.Quoting;
import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.UUID;

/** The HTTP operations on landed-cost quotes. */
public final class QuoteApi {
  private final Quoting quoting;

  public QuoteApi(Quoting quoting) {
    this.quoting = quoting;
  }

  public void register(ApiDispatcher api) {
    api.on("createQuote", Permission.PUBLIC, this::create)
      .on("getQuote", Permission.AUTHENTICATED, r -> quoting.find(r.caller(), r.pathId("quoteId")).map(ApiReply::ok));
  }

  private Future<ApiReply> create(ApiRequest request) {
    JsonObject body = request.body();
    return quoting.quoteCart(request.caller(), request.bodyId("cartId"), request.header("X-Cart-Token"),
        body.getString("currency"), address(body.getJsonObject("address")),
        parse(ServiceLevel.class, body, "serviceLevel"), parse(Incoterm.class, body, "incoterm"), request.requestId())
      .map(quote -> ApiReply.created("/api/v1/checkout/quotes/" + quote.id(), quote));
  }

  static Address address(JsonObject a) {
    return new Address(a.getString("recipient"), a.getString("line1"), a.getString("line2"), a.getString("city"),
      a.getString("postalCode"), a.getString("region"), a.getString("country"));
  }

  static <E extends Enum<E>> E parse(Class<E> type, JsonObject body, String field) {
    String value = body.getString(field);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ProblemException(Problem.invalidField(field, "enum", field + " must be one of "
        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)));
    }
  }
}
