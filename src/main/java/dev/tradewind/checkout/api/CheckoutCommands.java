package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.Inventory;
import dev.tradewind.checkout.application.OrderQueries;
import dev.tradewind.checkout.contract.AmountDueQuery;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;

import java.util.List;

/** Event-bus commands and queries other contexts send to checkout; a known failure keeps its HTTP status as code. */
public final class CheckoutCommands {
  private final Vertx vertx;
  private final Inventory inventory;
  private final OrderQueries queries;

  public CheckoutCommands(Vertx vertx, Inventory inventory, OrderQueries queries) {
    this.vertx = vertx;
    this.inventory = inventory;
    this.queries = queries;
  }

  public Future<Void> register() {
    var bus = vertx.eventBus();
    return Future.all(List.of(
      bus.<SetStock>consumer(CheckoutContract.SET_STOCK, m -> answer(m, inventory.setStock(m.body(), Bus.requestId(m))))
        .completion(),
      bus.<AmountDueQuery>consumer(CheckoutContract.GET_AMOUNT_DUE, m -> answer(m, queries.amountDue(m.body().orderId())))
        .completion())).mapEmpty();
  }

  private static <T> void answer(Message<?> message, Future<T> outcome) {
    outcome.onSuccess(message::reply).onFailure(failure -> message.fail(
      failure instanceof ProblemException problem ? problem.problem().status() : 500, failure.getMessage()));
  }
}
