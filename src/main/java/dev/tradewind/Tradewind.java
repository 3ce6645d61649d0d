package dev.tradewind;

import dev.tradewind.shared.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The launcher: reads the configuration, starts the platform, and on SIGTERM or Ctrl-C stops it cleanly. */
public final class Tradewind {
  private static final Logger LOG = LoggerFactory.getLogger(Tradewind.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private Tradewind() {
  }

  public static void main(String[] args) {
    launch(ConfigLoader.load(args, System.getenv()), () -> { });
  }

  /** Starts the platform; {@code afterStop} runs once the platform has stopped, before the process exits 0. */
  public static void launch(JsonObject config, Runnable afterStop) {
    launch(config, afterStop, platform -> { });
  }

  /** As above; {@code started} runs once the platform is up (the development launcher adds its tools there). */
  public static void launch(JsonObject config, Runnable afterStop, Consumer<Platform> started) {
    ConfigLoader.unknownVariables(config, System.getenv())
      .forEach(name -> LOG.warn("environment variable {} matches no configuration key and is ignored", name));
    Platform.start(config)
      .onSuccess(platform -> {
        onSignals(platform, afterStop);
        Banner.print(platform);
        started.accept(platform);
      })
      .onFailure(failure -> new Thread(() -> {
        LOG.error("Tradewind failed to start: {}", failure.getMessage(), failure);
        afterStop.run();
        System.exit(1);
      }, "tradewind-exit").start());
  }

  private static void onSignals(Platform platform, Runnable afterStop) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      LOG.info("stopping: finishing requests in flight and flushing the outbox");
      new Thread(() -> {
        try {
          platform.stop(STOP_TIMEOUT);
        } catch (Exception e) {
          LOG.warn("stopped with an error: {}", e.toString());
        }
        afterStop.run();
        LOG.info("stopped");
        System.exit(0);
      }, "tradewind-exit").start();
    };
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
  }
}
