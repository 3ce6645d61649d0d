package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductImport.Report;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.ImportJobRepository;
import dev.tradewind.catalog.infra.ImportJobRepository.ClaimedJob;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Takes a merchant's upload: up to {@code catalog.importSyncMaxRows} rows are imported before the answer; a larger
 * upload is stored as a job and imported in the background, one job at a time per catalogue verticle, under a lease
 * it renews after every chunk. A job whose runner stopped (a restart, a crash) is claimed again once its lease
 * lapses and runs from the start, which is safe because rows upsert by SKU code; after
 * {@code catalog.importJobMaxAttempts} tries it is FAILED, never left RUNNING.
 */
public final class ImportJobs {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportJobs.class);

  /** What taking an upload did: imported it at once, or queued it as a job. */
  public sealed interface Taken {
    record Imported(Report report) implements Taken {
    }

    record Queued(JsonObject job) implements Taken {
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final ImportJobRepository jobs;
  private final ProductImport imports;
  private final CatalogSettings settings;
  private final Clock clock;
  private long timer = -1;
  private boolean running;
  private boolean stopped;

  public ImportJobs(Vertx vertx, Pool pool, ImportJobRepository jobs, ProductImport imports, CatalogSettings settings,
                    Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.jobs = jobs;
    this.imports = imports;
    this.settings = settings;
    this.clock = clock;
  }

  public Future<Taken> take(Caller caller, ImportUpload upload, boolean publish, String requestId) {
    return imports.seller(caller).compose(seller -> vertx.executeBlocking(upload::rowEstimate, false))
      .compose(rows -> rows <= settings.importSyncMaxRows()
        ? imports.importNow(caller, upload, publish, requestId).map(Taken.Imported::new)
        : enqueue(caller, upload, publish, requestId).map(Taken.Queued::new));
  }

  private Future<JsonObject> enqueue(Caller caller, ImportUpload upload, boolean publish, String requestId) {
    UUID id = UUID.randomUUID();
    return vertx.executeBlocking(upload::bytes, false)
      .compose(bytes -> jobs.insert(pool, id, UUID.fromString(caller.merchantId()), UUID.fromString(caller.userId()),
        upload.format().name().toLowerCase(Locale.ROOT), publish, bytes, requestId, now()))
      .compose(v -> jobs.find(pool, id))
      .map(view -> {
        runNext();
        return view.json();
      });
  }

  /** The caller's merchant's job; anyone else's is 404, like a job that does not exist. */
  public Future<JsonObject> find(Caller caller, UUID id) {
    return jobs.find(pool, id).map(view -> {
      if (view == null) {
        throw ObjectAccess.notFound("import job");
      }
      ObjectAccess.requireMerchant(caller, view.merchantId(), Permission.CATALOG_EDIT, "import job");
      return view.json();
    });
  }

  public void start() {
    timer = vertx.setPeriodic(settings.importJobPollMs(), tick -> runNext());
    runNext();
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void runNext() {
    if (running || stopped) {
      return;
    }
    running = true;
    Instant now = now();
    jobs.claim(pool, now, now.plusMillis(settings.importJobLeaseMs()))
      .compose(job -> job == null ? Future.succeededFuture(false) : run(job).map(true))
      .onComplete(outcome -> {
        running = false;
        if (outcome.failed()) {
          LOG.warn("import jobs could not be claimed: {}", outcome.cause().toString());
        } else if (outcome.result()) {
          runNext();
        }
      });
  }

  private Future<Void> run(ClaimedJob job) {
    if (job.attempts() > settings.importJobMaxAttempts()) {
      return jobs.fail(pool, job.id(), "stopped after " + settings.importJobMaxAttempts()
        + " attempts that did not finish", now());
    }
    if (job.upload() == null) {
      return jobs.fail(pool, job.id(), "the upload is no longer stored", now());
    }
    ImportUpload upload = ImportUpload.stored(ImportUpload.Format.valueOf(job.format().toUpperCase(Locale.ROOT)), job.upload());
    return imports.seller(job.merchantId())
      .compose(seller -> imports.run(seller, upload, job.publish(), job.createdBy(), job.requestId(),
        (processed, total) -> jobs.progress(pool, job.id(), total, processed,
          now().plusMillis(settings.importJobLeaseMs()), now())))
      .compose(report -> jobs.succeed(pool, job.id(), report.totalRows(), report.acceptedRows(),
        report.products().size(), issues(report.rejected()), issues(report.warnings()), now()))
      .recover(failure -> {
        LOG.warn("import job {} failed: {}", job.id(), failure.toString());
        String reason = failure instanceof ProblemException problem ? problem.problem().detail()
          : "the import stopped unexpectedly; upload it again";
        return jobs.fail(pool, job.id(), reason, now());
      });
  }

  private static JsonArray issues(List<RowError> errors) {
    JsonArray out = new JsonArray();
    errors.forEach(error -> out.add(Json.object(error)));
    return out;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
