package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.QuoteRequest;
import dev.tradewind.checkout.application.Quoting;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;

import java.util.stream.Collectors;

/**
 * The in-process way to quote SKUs without going through a cart (checkout's carts and "buy now", benchmarks,
 * integration tests): request/reply with {@link QuoteRequest}, answered with the stored quote, or failed with the
 * problem's HTTP status, detail and field errors.
 */
public final class QuoteCommands {
  public static final String CREATE_QUOTE = "checkout.create-quote";

  private final Vertx vertx;
  private final Quoting quoting;

  public QuoteCommands(Vertx vertx, Quoting quoting) {
    this.vertx = vertx;
    this.quoting = quoting;
  }

  public Future<Void> register() {
    return vertx.eventBus().<QuoteRequest>consumer(CREATE_QUOTE, this::create).completion();
  }

  private void create(Message<QuoteRequest> message) {
    quoting.quote(message.body(), Bus.requestId(message))
      .onSuccess(message::reply)
      .onFailure(failure -> {
        if (failure instanceof ProblemException problem) {
          message.fail(problem.problem().status(), describe(problem.problem()));
        } else {
          message.fail(500, failure.getMessage());
        }
      });
  }

  private static String describe(Problem problem) {
    if (problem.errors() == null) {
      return problem.detail();
    }
    return problem.detail() + " " + problem.errors().stream().map(e -> e.field() + " (" + e.rule() + "): " + e.message())
      .collect(Collectors.joining("; "));
  }
}
