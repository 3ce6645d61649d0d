package dev.tradewind.catalog.infra;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The SQL of import jobs: queued uploads, claimed by one runner at a time under a lease. */
public final class ImportJobRepository {
  private static final String INSERT = """
    INSERT INTO catalog.import_jobs (id, merchant_id, created_by, format, publish, upload, status, request_id,
      created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'QUEUED', $7, $8, $8)""";
  /** The oldest job waiting, or running under a lease its runner let lapse (it stopped or crashed). */
  private static final String CLAIM = """
    UPDATE catalog.import_jobs j SET status = 'RUNNING', attempts = j.attempts + 1, lease_until = $2, updated_at = $1
    WHERE j.id = (SELECT id FROM catalog.import_jobs
                  WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < $1)
                  ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING j.id, j.merchant_id, j.created_by, j.format, j.publish, j.upload, j.attempts, j.request_id""";
  private static final String PROGRESS = """
    UPDATE catalog.import_jobs SET rows_total = $2, rows_processed = $3, lease_until = $4, updated_at = $5
    WHERE id = $1 AND status = 'RUNNING'""";
  private static final String SUCCEED = """
    UPDATE catalog.import_jobs SET status = 'SUCCEEDED', rows_total = $2, rows_processed = $2, accepted = $3,
      products = $4, rejected = $5, warnings = $6, upload = NULL, lease_until = NULL, finished_at = $7, updated_at = $7
    WHERE id = $1 AND status = 'RUNNING'""";
  private static final String FAIL = """
    UPDATE catalog.import_jobs SET status = 'FAILED', failure = $2, upload = NULL, lease_until = NULL,
      finished_at = $3, updated_at = $3
    WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')""";
  private static final String FIND = """
    SELECT id, merchant_id, format, status, rows_total, rows_processed, accepted, products, rejected, warnings,
      failure, created_at, finished_at FROM catalog.import_jobs WHERE id = $1""";

  /** A job claimed to run: what to import, for whom, and how often it has been tried. */
  public record ClaimedJob(UUID id, UUID merchantId, UUID createdBy, String format, boolean publish, Buffer upload,
                           int attempts, String requestId) {
  }

  /** A job as its merchant sees it. */
  public record JobView(UUID id, UUID merchantId, JsonObject json) {
  }

  public Future<Void> insert(SqlClient client, UUID id, UUID merchantId, UUID createdBy, String format, boolean publish,
                             Buffer upload, String requestId, Instant now) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[]{id, merchantId, createdBy, format, publish,
      upload, requestId, utc(now)})).mapEmpty();
  }

  public Future<ClaimedJob> claim(SqlClient client, Instant now, Instant leaseUntil) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(utc(now), utc(leaseUntil))).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new ClaimedJob(r.getUUID("id"), r.getUUID("merchant_id"), r.getUUID("created_by"), r.getString("format"),
        r.getBoolean("publish"), r.getBuffer("upload"), r.getInteger("attempts"), r.getString("request_id"));
    });
  }

  public Future<Void> progress(SqlClient client, UUID id, int total, int processed, Instant leaseUntil, Instant now) {
    return client.preparedQuery(PROGRESS).execute(Tuple.of(id, total, processed, utc(leaseUntil), utc(now))).mapEmpty();
  }

  public Future<Void> succeed(SqlClient client, UUID id, int total, int accepted, int products, JsonArray rejected,
                              JsonArray warnings, Instant now) {
    return client.preparedQuery(SUCCEED).execute(Tuple.from(new Object[]{id, total, accepted, products, rejected,
      warnings, utc(now)})).mapEmpty();
  }

  public Future<Void> fail(SqlClient client, UUID id, String failure, Instant now) {
    return client.preparedQuery(FAIL).execute(Tuple.of(id, failure, utc(now))).mapEmpty();
  }

  public Future<JobView> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      JsonObject json = new JsonObject().put("id", r.getUUID("id").toString()).put("status", r.getString("status"))
        .put("format", r.getString("format")).put("rowsTotal", r.getInteger("rows_total"))
        .put("rowsProcessed", r.getInteger("rows_processed")).put("acceptedRows", r.getInteger("accepted"))
        .put("productsWritten", r.getInteger("products")).put("rejected", r.getValue("rejected"))
        .put("warnings", r.getValue("warnings")).put("failure", r.getString("failure"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
        .put("finishedAt", r.getOffsetDateTime("finished_at") == null ? null
          : r.getOffsetDateTime("finished_at").toInstant().toString());
      return new JobView(r.getUUID("id"), r.getUUID("merchant_id"), json);
    });
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
