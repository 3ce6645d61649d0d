package dev.tradewind.shared.privacy;

import io.vertx.core.json.JsonObject;

/** One context's share of a person's data export. */
public record PersonalDataPart(String context, JsonObject data) {
}
