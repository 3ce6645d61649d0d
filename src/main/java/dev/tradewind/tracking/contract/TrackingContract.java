package dev.tradewind.tracking.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The tracking context as other contexts see it: its name, addresses and topics. */
public final class TrackingContract {
  public static final String CONTEXT = "tracking";

  /** A carrier delivered a shipment: topic {@code tracking.shipment-delivered.v1}, key = order id. */
  public static final EventChannel<ShipmentDelivered> SHIPMENT_DELIVERED =
    EventChannel.of(CONTEXT, "shipment-delivered", 1, ShipmentDelivered.class);

  private TrackingContract() {
  }
}
