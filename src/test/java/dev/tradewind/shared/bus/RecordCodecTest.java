package dev.tradewind.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  record Address(String city, String country) {
  }

  record Parcel(String trackingNumber, int grams) {
  }

  record ShipmentDispatched(UUID shipmentId, Instant dispatchedAt, Address destination, List<Parcel> parcels,
                            Money charge) {
  }

  private static final ShipmentDispatched SHIPMENT = new ShipmentDispatched(
    UUID.fromString("5b0d6f0e-7c3a-4c55-9a43-2b1f3c9e8d10"),
    Instant.parse("2026-11-20T15:04:05.123456Z"),
    new Address("Lisbon", "PT"),
    List.of(new Parcel("PT123456789", 1250), new Parcel("PT987654321", 80)),
    Money.of("12.34", "EUR"));

  private Vertx vertx;
  private EventBus bus;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
    bus = vertx.eventBus();
    RecordCodec.register(bus);
  }

  @AfterEach
  void closeVertx() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static String jsonOnTheWire(Buffer wire, int pos) {
    int typeLength = wire.getInt(pos);
    int jsonStart = pos + 4 + typeLength;
    return wire.getString(jsonStart + 4, jsonStart + 4 + wire.getInt(jsonStart), StandardCharsets.UTF_8.name());
  }

  @Test
  @DisplayName("a record sent over request/reply in the same process arrives as the very same instance, and so does its reply")
  void localDeliveryKeepsTheInstance() throws Exception {
    Promise<Object> received = Promise.promise();
    await(bus.consumer("test.dispatch-shipment", message -> {
      received.complete(message.body());
      message.reply(message.body());
    }).completion());

    Object reply = await(Bus.request(vertx, "test.dispatch-shipment", SHIPMENT, "req-1"));

    assertThat(await(received.future())).isSameAs(SHIPMENT);
    assertThat(reply).isSameAs(SHIPMENT);
  }

  @Test
  @DisplayName("a published record reaches every consumer")
  void publishReachesEveryConsumer() throws Exception {
    Promise<Object> first = Promise.promise();
    Promise<Object> second = Promise.promise();
    await(bus.consumer("test.evt.shipment-dispatched", message -> first.complete(message.body())).completion());
    await(bus.consumer("test.evt.shipment-dispatched", message -> second.complete(message.body())).completion());

    bus.publish("test.evt.shipment-dispatched", SHIPMENT);

    assertThat(await(first.future())).isSameAs(SHIPMENT);
    assertThat(await(second.future())).isSameAs(SHIPMENT);
  }

  @Test
  @DisplayName("a JSON object still travels with Vert.x's own codec and arrives as a copy")
  void nonRecordsKeepTheirOwnCodec() throws Exception {
    JsonObject sent = new JsonObject().put("sku", "TEA-001").put("quantity", 2);
    await(bus.<JsonObject>consumer("test.echo", message -> message.reply(message.body())).completion());

    JsonObject reply = await(Bus.request(vertx, "test.echo", sent, null));

    assertThat(reply).isEqualTo(sent).isNotSameAs(sent);
  }

  @Test
  @DisplayName("on the wire a record round-trips equal, with its instant, id, nested records, list and money")
  void wireRoundTrip() {
    RecordCodec codec = new RecordCodec();
    Buffer wire = Buffer.buffer().appendString("frame header");
    int pos = wire.length();

    codec.encodeToWire(wire, SHIPMENT);

    assertThat(codec.decodeFromWire(pos, wire)).isEqualTo(SHIPMENT).isNotSameAs(SHIPMENT);
  }

  @Test
  @DisplayName("on the wire money is a string amount with its currency and the instant is ISO-8601")
  void wireFormat() {
    Buffer wire = Buffer.buffer();

    new RecordCodec().encodeToWire(wire, SHIPMENT);

    JsonObject json = new JsonObject(jsonOnTheWire(wire, 0));
    assertThat(json.getJsonObject("charge")).isEqualTo(new JsonObject().put("amount", "12.34").put("currency", "EUR"));
    assertThat(json.getString("dispatchedAt")).isEqualTo("2026-11-20T15:04:05.123456Z");
    assertThat(json.getString("shipmentId")).isEqualTo("5b0d6f0e-7c3a-4c55-9a43-2b1f3c9e8d10");
  }

  @Test
  @DisplayName("a record type this process does not know is refused, naming the type")
  void unknownTypeIsRefused() {
    byte[] type = "dev.tradewind.nowhere.Gone".getBytes(StandardCharsets.UTF_8);
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
    Buffer wire = Buffer.buffer().appendInt(type.length).appendBytes(type).appendInt(json.length).appendBytes(json);

    assertThatThrownBy(() -> new RecordCodec().decodeFromWire(0, wire))
      .isInstanceOf(IllegalStateException.class)
      .hasMessageContaining("dev.tradewind.nowhere.Gone");
  }

  @Test
  @DisplayName("a class outside Tradewind, or one that is not a record, named on the wire is refused before it is built")
  void foreignOrNonRecordTypesAreRefused() {
    assertThatThrownBy(() -> new RecordCodec().decodeFromWire(0, wire("java.util.ArrayList", "[]")))
      .isInstanceOf(IllegalStateException.class).hasMessageContaining("non-Tradewind");
    assertThatThrownBy(() -> new RecordCodec().decodeFromWire(0, wire(RecordCodec.class.getName(), "{}")))
      .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a record");
  }

  private static Buffer wire(String typeName, String body) {
    byte[] type = typeName.getBytes(StandardCharsets.UTF_8);
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer().appendInt(type.length).appendBytes(type).appendInt(json.length).appendBytes(json);
  }
}
