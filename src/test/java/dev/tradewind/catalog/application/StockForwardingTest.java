package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductCatalog.StockFigure;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.checkout.contract.StockSet;
import dev.tradewind.shared.bus.RecordCodec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An import's stock figures go to checkout; what checkout does not take becomes a warning per row")
class StockForwardingTest {
  private final Seller seller = new Seller(UUID.randomUUID(), "Lisbon Linen Lda.", "PT", "EUR", "pt");
  private Vertx vertx;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
    RecordCodec.register(vertx.eventBus());
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("figures are sent in batches at the merchant's country, and no warning when checkout takes them")
  void sentInBatches() throws Exception {
    List<SetStock> received = new CopyOnWriteArrayList<>();
    vertx.eventBus().<SetStock>consumer(CheckoutContract.SET_STOCK, message -> {
      received.add(message.body());
      message.reply(new StockSet(message.body().levels().size()));
    }).completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    List<RowError> warnings = forward(figures(StockForwarding.LEVELS_PER_REQUEST + 1));

    assertThat(warnings).isEmpty();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).locationCountry()).isEqualTo("PT");
    assertThat(received.get(0).merchantId()).isEqualTo(seller.id());
    assertThat(received.get(1).levels()).hasSize(1);
    assertThat(received.get(1).levels().get(0).onHand()).isEqualTo(StockForwarding.LEVELS_PER_REQUEST + 1);
  }

  @Test
  @DisplayName("a refusal or no answer at all is a warning naming each row, never a failure")
  void refusalIsAWarning() throws Exception {
    vertx.eventBus().<SetStock>consumer(CheckoutContract.SET_STOCK, message -> message.fail(409, "below reserved"))
      .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    List<RowError> warnings = forward(figures(3));

    assertThat(warnings).extracting(RowError::line).containsExactly(2, 3, 4);
    assertThat(warnings.get(0).field()).isEqualTo("stock");
    assertThat(warnings.get(0).rule()).isEqualTo(StockForwarding.RULE);
    assertThat(warnings.get(0).message()).contains("below reserved");
  }

  private List<RowError> forward(List<StockFigure> figures) throws Exception {
    return new StockForwarding(vertx).forward(seller, figures, "test").toCompletionStage().toCompletableFuture()
      .get(20, TimeUnit.SECONDS);
  }

  private static List<StockFigure> figures(int count) {
    List<StockFigure> out = new ArrayList<>();
    IntStream.rangeClosed(1, count).forEach(i -> out.add(new StockFigure(i + 1, "SKU-" + i, UUID.randomUUID(), i)));
    return out;
  }
}
