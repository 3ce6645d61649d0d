package dev.tradewind.tracking.contract;

/** The tracking context as other contexts see it: its name, addresses and topics. */
public final class TrackingContract {
  public static final String CONTEXT = "tracking";

  private TrackingContract() {
  }
}
