package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.contract.AuditTrailContract;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Records a staff action of the catalogue in identity's audit trail, after the action has committed. A failure
 * is logged, not answered: the action stands, and the log says which entry is missing.
 */
final class StaffAudit {
  private static final Logger LOG = LoggerFactory.getLogger(StaffAudit.class);

  private StaffAudit() {
  }

  static Future<Void> record(Vertx vertx, Caller caller, String action, String targetType, Object targetId,
                             JsonObject details, String clientAddress, String requestId) {
    AuditEntry entry = new AuditEntry(CatalogContract.CONTEXT, action, "USER", UUID.fromString(caller.userId()),
      targetType, targetId.toString(), clientAddress, requestId, details);
    return Bus.request(vertx, AuditTrailContract.RECORD, entry, requestId).<Void>mapEmpty()
      .recover(failure -> {
        LOG.error("audit entry {} for {} {} was not recorded, request {}: {}", action, targetType, targetId, requestId,
          failure.toString());
        return Future.succeededFuture();
      });
  }
}
