package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.StockAllocation.Demand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SkuGateTest {
  private static final UUID HOT = UUID.randomUUID();
  private static final UUID MERCHANT = UUID.randomUUID();

  private final AtomicLong now = new AtomicLong(1_000);
  private final SkuGate gate = new SkuGate(1_000, now::get);

  private static List<Demand> units(int quantity) {
    return List.of(new Demand(HOT, MERCHANT, quantity));
  }

  @Test
  @DisplayName("knowing nothing, it lets every demand through: the database decides")
  void unknownSkuIsLetThrough() {
    assertThat(gate.admit(units(1_000))).isEmpty();
  }

  @Test
  @DisplayName("with 3 left, it lets through what 3 can cover and refuses the rest at once, until a placement is decided")
  void refusesWhatTheQueueAlreadyTakes() {
    gate.observe(HOT, 3, 7);
    assertThat(gate.admit(units(2))).isEmpty();
    assertThat(gate.admit(units(1))).isEmpty();
    assertThat(gate.admit(units(1))).as("3 units are already on their way to the database").containsExactly(HOT);

    gate.decided(units(1));
    assertThat(gate.admit(units(1))).as("one was decided: a unit may be free again").isEmpty();
  }

  @Test
  @DisplayName("a figure of an older stock version, observed late, does not undo a newer one")
  void olderVersionsObservedLateAreIgnored() {
    gate.observe(HOT, 0, 9);
    gate.observe(HOT, 64, 8);
    assertThat(gate.admit(units(1))).as("version 9 said sold out").containsExactly(HOT);

    gate.observe(HOT, 5, 10);
    assertThat(gate.admit(units(1))).as("a restock at version 10").isEmpty();
  }

  @Test
  @DisplayName("a figure older than its memory is forgotten, so a restock elsewhere is not refused")
  void forgetsOldFigures() {
    gate.observe(HOT, 0, 7);
    assertThat(gate.admit(units(1))).containsExactly(HOT);
    now.addAndGet(1_001);
    assertThat(gate.admit(units(1))).isEmpty();
  }
}
