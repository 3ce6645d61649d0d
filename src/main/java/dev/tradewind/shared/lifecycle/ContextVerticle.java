package dev.tradewind.shared.lifecycle;

import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.db.Database;
import dev.tradewind.shared.db.DbConfig;
import dev.tradewind.shared.db.Migrations;
import dev.tradewind.shared.kafka.KafkaSettings;
import dev.tradewind.shared.outbox.EventRetention;
import dev.tradewind.shared.outbox.Inbox;
import dev.tradewind.shared.outbox.OutboxConfig;
import dev.tradewind.shared.outbox.OutboxRelay;
import dev.tradewind.shared.outbox.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The life of one bounded context: migrate its own schema, join the shared pool, start its outbox relay,
 * then let the context wire its consumers and API operations. Stopping flushes the outbox before closing.
 */
public abstract class ContextVerticle extends VerticleBase {
  private final List<Supplier<Future<?>>> closeOnStop = new ArrayList<>();
  private KafkaProducer<String, String> producer;
  private OutboxRelay relay;
  private EventRetention retention;

  /** The context's name, which is also its schema and the prefix of its addresses and topics. */
  protected abstract String context();

  protected abstract Future<Void> wire(ContextRuntime runtime);

  @Override
  public final Future<?> start() {
    DbConfig db = DbConfig.from(config());
    KafkaSettings kafka = KafkaSettings.from(config());
    OutboxConfig outbox = OutboxConfig.from(config());
    return Migrations.migrate(vertx, db, context())
      .compose(applied -> vertx.executeBlocking(() -> KafkaProducer.<String, String>create(vertx,
        kafka.producer(context() + "-outbox", outbox.publishTimeoutMs()))))
      .compose(created -> {
        producer = created;
        Pool pool = Database.pool(vertx, db);
        relay = new OutboxRelay(vertx, pool, context(), producer, outbox);
        retention = new EventRetention(vertx, pool, context(), outbox);
        ContextRuntime runtime = new ContextRuntime(context(), vertx, config(), pool,
          new OutboxRepository(context()), new Inbox(context()), new ApiDispatcher(context()), kafka);
        return wire(runtime).compose(v -> runtime.api().register(vertx)).compose(v -> relay.start())
          .onSuccess(v -> retention.start());
      });
  }

  /** Something the context started in {@link #wire} (a Kafka consumer, a timer) and must close when it stops. */
  protected final void closeOnStop(Supplier<Future<?>> closer) {
    closeOnStop.add(closer);
  }

  @Override
  public final Future<?> stop() {
    if (retention != null) {
      retention.stop();
    }
    Future<?> closed = Future.all(closeOnStop.stream().map(Supplier::get).toList());
    Future<Void> flushed = closed.transform(v -> relay == null ? Future.succeededFuture() : relay.stop());
    return flushed.eventually(() -> producer == null ? Future.succeededFuture() : producer.close());
  }
}
