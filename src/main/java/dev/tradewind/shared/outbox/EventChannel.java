package dev.tradewind.shared.outbox;

/**
 * Where one kind of event goes: the local event-bus address ({@code <context>.evt.<noun-past>}) and the Kafka
 * topic ({@code <context>.<event>.v<schemaVersion>}), with the contract record that describes it.
 */
public record EventChannel<E extends DomainEvent>(String address, String topic, Class<E> type) {
  public static <E extends DomainEvent> EventChannel<E> of(String context, String event, int version, Class<E> type) {
    return new EventChannel<>(context + ".evt." + event, context + "." + event + ".v" + version, type);
  }
}
