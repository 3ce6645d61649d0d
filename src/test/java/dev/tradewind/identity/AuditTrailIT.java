package dev.tradewind.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tradewind.identity.application.AuditTrail;
import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.domain.AuditQuery;
import dev.tradewind.identity.domain.Verification;
import dev.tradewind.identity.infra.AuditRepository;
import dev.tradewind.identity.infra.AuditRepository.Page;
import dev.tradewind.identity.infra.StoredAuditEntry;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.shared.db.DbConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit trail is an append-only hash chain in which any tampering shows")
class AuditTrailIT {
  private static final int CONCURRENT = 50;
  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
  private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
  private static final String TRIGGER = "audit_entries_append_only";

  private static TestPlatform platform;
  private static Pool pool;
  private static MinuteClock clock;
  private static AuditTrail trail;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(CONCURRENT))
      .connectingTo(DbConfig.from(platform.config()).connectOptions()).using(platform.clientVertx()).build();
    clock = new MinuteClock();
    trail = new AuditTrail(pool, new AuditRepository(), clock);
  }

  @AfterAll
  static void stop() throws Exception {
    await(pool.close());
  }

  @BeforeEach
  void clean() {
    platform.cleanDatabase();
    clock.reset();
  }

  @Test
  @DisplayName("entries appended one after another form an intact chain from the genesis hash")
  void appendsFormAChain() throws Exception {
    List<StoredAuditEntry> stored = recordLogins(5);

    assertThat(stored).extracting(StoredAuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(stored.get(0).prevHash()).isEqualTo("00".repeat(32));
    for (int i = 1; i < stored.size(); i++) {
      assertThat(stored.get(i).prevHash()).isEqualTo(stored.get(i - 1).hash());
    }
    assertThat(await(trail.verify())).isEqualTo(Verification.intact(5));
    assertThat(platform.query("SELECT last_seq FROM identity.audit_chain_head").get(0).getLong(0)).isEqualTo(5);
  }

  @Test
  @DisplayName("details come back from jsonb reordered and respelled, and still match their hash")
  void detailsSurviveJsonb() throws Exception {
    JsonObject details = new JsonObject().put("z", 1).put("amount", new BigDecimal("1.00000000000000000001"))
      .put("price", new BigDecimal("12.50")).put("nested", new JsonObject().put("b", List.of(3, 1)).put("a", true));
    await(trail.record(entry("catalog", "catalog.price.changed", "SERVICE", null, "product", "p-1", details)));
    await(trail.record(entry("identity", "auth.login.failed", "ANONYMOUS", null, "user", "u-1", null)));

    assertThat(await(trail.verify())).isEqualTo(Verification.intact(2));
    StoredAuditEntry newest = await(trail.query(AuditQuery.all(10))).items().get(1);
    assertThat(newest.details().getJsonObject("nested").getBoolean("a")).isTrue();
  }

  @Test
  @DisplayName("50 transactions appending at once still make one continuous, intact chain")
  void concurrentAppendsStayChained() throws Exception {
    List<Future<StoredAuditEntry>> appends = IntStream.range(0, CONCURRENT).mapToObj(i ->
      pool.withTransaction(tx -> tx.query("SELECT pg_sleep(0.05)").execute()
        .compose(slept -> trail.record(tx, login(i % 2 == 0 ? ALICE : BOB, "auth.login.succeeded"))))).toList();
    Future<Verification> duringAppends = trail.verify();
    await(Future.all(appends));

    List<StoredAuditEntry> stored = appends.stream().map(Future::result)
      .sorted(Comparator.comparingLong(StoredAuditEntry::seq)).toList();
    assertThat(stored).extracting(StoredAuditEntry::seq)
      .containsExactlyElementsOf(LongStream.rangeClosed(1, CONCURRENT).boxed().toList());
    for (int i = 1; i < stored.size(); i++) {
      assertThat(stored.get(i).prevHash()).as("entry %d links to %d", i + 1, i).isEqualTo(stored.get(i - 1).hash());
    }
    assertThat(await(duringAppends).intact()).as("a check running alongside the appends").isTrue();
    assertThat(await(trail.verify())).isEqualTo(Verification.intact(CONCURRENT));
  }

  @Test
  @DisplayName("an entry rolled back with its transaction leaves no gap: the next one takes its seq")
  void rollbackLeavesNoGap() throws Exception {
    Throwable failed = catchThrowable(() -> await(pool.withTransaction(tx ->
      trail.record(tx, login(ALICE, "staff.invited")).compose(e -> Future.failedFuture("the change it reports failed")))));
    assertThat(failed).isNotNull();
    StoredAuditEntry next = await(trail.record(login(BOB, "auth.login.succeeded")));

    assertThat(next.seq()).isEqualTo(1);
    assertThat(await(trail.verify())).isEqualTo(Verification.intact(1));
  }

  @Test
  @DisplayName("a target_id edited behind the trigger's back is found at exactly that entry")
  void editedEntryIsDetected() throws Exception {
    recordLogins(5);
    behindTheTriggersBack("UPDATE identity.audit_entries SET target_id = 'someone-else' WHERE seq = 3");

    assertThat(await(trail.verify())).isEqualTo(
      Verification.broken(2, 3L, "entry 3 was altered: its content no longer matches its hash"));
  }

  @Test
  @DisplayName("a middle entry deleted behind the trigger's back is reported as missing")
  void deletedEntryIsDetected() throws Exception {
    recordLogins(5);
    behindTheTriggersBack("DELETE FROM identity.audit_entries WHERE seq = 3");

    assertThat(await(trail.verify())).isEqualTo(Verification.broken(2, 3L, "entry 3 is missing: the chain goes on at 4"));
  }

  @Test
  @DisplayName("the last entry deleted is caught by the chain head")
  void deletedTailIsDetected() throws Exception {
    recordLogins(3);
    behindTheTriggersBack("DELETE FROM identity.audit_entries WHERE seq = 3");

    assertThat(await(trail.verify())).isEqualTo(Verification.broken(2, 3L, "entry 3 is missing: the chain head is at 3"));
  }

  @Test
  @DisplayName("UPDATE and DELETE of an audit entry are refused by the database itself")
  void entriesCannotBeRewritten() throws Exception {
    await(trail.record(login(ALICE, "auth.login.succeeded")));

    Throwable update = catchThrowable(() -> platform.query("UPDATE identity.audit_entries SET target_id = 'x'"));
    Throwable delete = catchThrowable(() -> platform.query("DELETE FROM identity.audit_entries"));

    assertThat(update).hasStackTraceContaining("append-only: UPDATE of entry 1 refused");
    assertThat(delete).hasStackTraceContaining("append-only: DELETE of entry 1 refused");
    assertThat(await(trail.verify())).isEqualTo(Verification.intact(1));
  }

  @Test
  @DisplayName("a malformed entry is refused before it reaches the chain")
  void malformedEntryIsRefused() throws Exception {
    Throwable robot = catchThrowable(() -> await(trail.record(entry("identity", "auth.login.succeeded", "ROBOT",
      null, "user", "u-1", null))));
    Throwable loud = catchThrowable(() -> await(trail.record(entry("identity", "auth.login.succeeded", "SYSTEM",
      null, "user", "u-1", new JsonObject().put("blob", "x".repeat(5_000))))));

    assertThat(robot).hasRootCauseInstanceOf(IllegalArgumentException.class).hasStackTraceContaining("actorKind");
    assertThat(loud).hasRootCauseInstanceOf(IllegalArgumentException.class).hasStackTraceContaining("details");
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries").get(0).getLong(0)).isZero();
  }

  @Test
  @DisplayName("queries filter by action, actor, target and time, newest first")
  void queriesFilter() throws Exception {
    seedMixedTrail();

    assertThat(seqs(new AuditQuery("auth.login.succeeded", null, null, null, null, null, null, 50))).containsExactly(7L, 5L, 1L);
    assertThat(seqs(new AuditQuery(null, ALICE, null, null, null, null, null, 50))).containsExactly(7L, 6L, 1L);
    assertThat(seqs(new AuditQuery(null, null, "user", ALICE.toString(), null, null, null, 50))).containsExactly(7L, 2L, 1L);
    assertThat(seqs(new AuditQuery(null, null, null, "m-1", null, null, null, 50))).containsExactly(3L);
    assertThat(seqs(new AuditQuery(null, null, "merchant", null, null, null, null, 50))).containsExactly(3L);
    assertThat(seqs(new AuditQuery(null, null, null, null, minute(2), minute(5), null, 50))).containsExactly(5L, 4L, 3L);
    assertThat(seqs(new AuditQuery("auth.login.succeeded", ALICE, null, null, null, null, null, 50))).containsExactly(7L, 1L);
  }

  @Test
  @DisplayName("following nextCursor returns every entry exactly once, newest first, and ends without a cursor")
  void cursorPagination() throws Exception {
    seedMixedTrail();

    assertThat(pages(AuditQuery.all(3))).containsExactly(List.of(7L, 6L, 5L), List.of(4L, 3L, 2L), List.of(1L));
    assertThat(pages(new AuditQuery("auth.login.succeeded", null, null, null, null, null, null, 2)))
      .containsExactly(List.of(7L, 5L), List.of(1L));
    assertThat(pages(AuditQuery.all(7))).as("an exact fit needs no empty last page").containsExactly(
      List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L));
  }

  @Test
  @DisplayName("a malformed cursor is an IllegalArgumentException the caller can answer as 400")
  void malformedCursor() {
    Throwable failure = catchThrowable(() -> await(trail.query(AuditQuery.all(10), "definitely;not;a;cursor")));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed cursor");
  }

  private static List<StoredAuditEntry> recordLogins(int count) throws Exception {
    List<StoredAuditEntry> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stored.add(await(trail.record(login(ALICE, "auth.login.succeeded"))));
    }
    return stored;
  }

  /** Seven entries, one a minute from T0: seq n occurred at minute n-1. */
  private static void seedMixedTrail() throws Exception {
    await(trail.record(login(ALICE, "auth.login.succeeded")));
    await(trail.record(entry("identity", "auth.login.failed", "ANONYMOUS", null, "user", ALICE.toString(), null)));
    await(trail.record(entry("identity", "merchant.approved", "USER", BOB, "merchant", "m-1", null)));
    await(trail.record(entry("catalog", "catalog.price.changed", "SERVICE", null, "product", "p-1", null)));
    await(trail.record(login(BOB, "auth.login.succeeded")));
    await(trail.record(entry("identity", "staff.invited", "USER", ALICE, "staff", "s-1", null)));
    await(trail.record(login(ALICE, "auth.login.succeeded")));
  }

  private static List<Long> seqs(AuditQuery query) throws Exception {
    return await(trail.query(query)).items().stream().map(StoredAuditEntry::seq).toList();
  }

  private static List<List<Long>> pages(AuditQuery query) throws Exception {
    List<List<Long>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page page = await(trail.query(query, cursor));
      pages.add(page.items().stream().map(StoredAuditEntry::seq).toList());
      cursor = page.nextCursor();
    } while (cursor != null && pages.size() < 20);
    return pages;
  }

  /** Runs one statement with the append-only trigger off, as someone with the table owner's rights could. */
  private static void behindTheTriggersBack(String sql) throws Exception {
    await(pool.withTransaction(tx ->
      tx.query("ALTER TABLE identity.audit_entries DISABLE TRIGGER " + TRIGGER).execute()
        .compose(off -> tx.preparedQuery(sql).execute(Tuple.tuple()))
        .compose(done -> tx.query("ALTER TABLE identity.audit_entries ENABLE TRIGGER " + TRIGGER).execute())));
  }

  private static AuditEntry login(UUID user, String action) {
    return entry("identity", action, "USER", user, "user", user.toString(), new JsonObject().put("method", "password"));
  }

  private static AuditEntry entry(String context, String action, String actorKind, UUID actorId, String targetType,
                                  String targetId, JsonObject details) {
    return new AuditEntry(context, action, actorKind, actorId, targetType, targetId, "203.0.113.7",
      "req-" + UUID.randomUUID(), details);
  }

  private static Instant minute(int n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Each reading is a minute after the one before, so entries recorded in turn have known times. */
  private static final class MinuteClock extends Clock {
    private final AtomicLong readings = new AtomicLong();

    void reset() {
      readings.set(0);
    }

    @Override
    public Instant instant() {
      return minute((int) readings.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
