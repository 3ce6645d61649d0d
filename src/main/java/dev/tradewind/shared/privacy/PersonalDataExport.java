package dev.tradewind.shared.privacy;

import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a data export reaches every context that holds personal data: each such context contributes an exporter
 * at start-up; the export asks them all. Erasure travels the other way, as the identity context's
 * {@code UserErased} event that each contributing context consumes.
 */
public final class PersonalDataExport {
  private static final String CONTRIBUTORS = "tradewind.privacy.contributors";

  private PersonalDataExport() {
  }

  static String address(String context) {
    return context + ".export-personal-data";
  }

  public static Future<Void> contribute(Vertx vertx, String context, Function<UUID, Future<JsonObject>> exporter) {
    vertx.sharedData().<String, Boolean>getLocalMap(CONTRIBUTORS).put(context, true);
    return vertx.eventBus().<PersonalDataRequest>consumer(address(context), message ->
        exporter.apply(message.body().userId())
          .onSuccess(data -> message.reply(new PersonalDataPart(context, data)))
          .onFailure(failure -> message.fail(500, failure.getMessage())))
      .completion();
  }

  public static Future<List<PersonalDataPart>> collect(Vertx vertx, UUID userId, String requestId) {
    List<Future<PersonalDataPart>> parts = new ArrayList<>();
    for (String context : vertx.sharedData().<String, Boolean>getLocalMap(CONTRIBUTORS).keySet()) {
      parts.add(Bus.request(vertx, address(context), new PersonalDataRequest(userId), requestId));
    }
    return Future.all(parts).map(all -> {
      List<PersonalDataPart> out = new ArrayList<>(all.<PersonalDataPart>list());
      out.sort(java.util.Comparator.comparing(PersonalDataPart::context));
      return out;
    });
  }
}
