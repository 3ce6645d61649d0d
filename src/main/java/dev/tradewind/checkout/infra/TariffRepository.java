package dev.tradewind.checkout.infra;

import dev.tradewind.checkout.domain.DutyRule;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.checkout.domain.ShippingRate;
import dev.tradewind.checkout.domain.TariffBook;
import dev.tradewind.checkout.domain.TaxRule;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The SQL of the landed-cost reference tables (every version of every rule), and where merchants ship from. */
public final class TariffRepository {
  private static final String ZONES = "SELECT country, zone FROM checkout.shipping_zones";
  private static final String RATES = """
    SELECT rate_id, version, valid_from, origin_zone, destination_zone, service_level, currency, base_fee, step_fee,
           step_grams, transit_days_min, transit_days_max FROM checkout.shipping_rates""";
  private static final String TAXES = """
    SELECT rule_id, version, valid_from, country, tax_name, rate, shipping_in_base, duty_in_base, low_value_limit,
           low_value_currency, low_value_treatment, duty_area, source FROM checkout.tax_rules""";
  private static final String DUTIES = """
    SELECT rule_id, version, valid_from, area, threshold, threshold_currency, shipping_in_value, default_rate, source
    FROM checkout.duty_rules""";
  private static final String DUTY_RATES = "SELECT rule_id, version, hs_prefix, rate FROM checkout.duty_rates";
  private static final String DEFAULT_LOCATIONS =
    "SELECT merchant_id, country FROM checkout.locations WHERE is_default AND merchant_id = ANY($1)";

  public Future<TariffBook> load(SqlClient client) {
    Future<Map<String, String>> zones = client.query(ZONES).execute()
      .map(rows -> toMap(rows, r -> r.getString("country"), r -> r.getString("zone")));
    Future<List<ShippingRate>> rates = client.query(RATES).execute().map(rows -> toList(rows, TariffRepository::rate));
    Future<List<TaxRule>> taxes = client.query(TAXES).execute().map(rows -> toList(rows, TariffRepository::tax));
    Future<Map<String, Map<String, BigDecimal>>> dutyRates = client.query(DUTY_RATES).execute()
      .map(TariffRepository::dutyRatesByRule);
    Future<RowSet<Row>> duties = client.query(DUTIES).execute();
    return Future.all(zones, rates, taxes, dutyRates, duties).map(all -> new TariffBook(zones.result(),
      rates.result(), taxes.result(), toList(duties.result(), r -> duty(r, dutyRates.result()))));
  }

  /** Each merchant's default fulfilment location's country; merchants without one are absent. */
  public Future<Map<UUID, String>> defaultShipFrom(SqlClient client, List<UUID> merchantIds) {
    return client.preparedQuery(DEFAULT_LOCATIONS).execute(Tuple.of(merchantIds.toArray(UUID[]::new)))
      .map(rows -> toMap(rows, r -> r.getUUID("merchant_id"), r -> r.getString("country").trim()));
  }

  private static ShippingRate rate(Row r) {
    CurrencyCode currency = CurrencyCode.of(r.getString("currency"));
    return new ShippingRate(r.getString("rate_id"), r.getInteger("version"), validFrom(r),
      r.getString("origin_zone"), r.getString("destination_zone"), ServiceLevel.valueOf(r.getString("service_level")),
      Money.of(r.getBigDecimal("base_fee"), currency), Money.of(r.getBigDecimal("step_fee"), currency),
      r.getInteger("step_grams"), r.getInteger("transit_days_min"), r.getInteger("transit_days_max"));
  }

  private static TaxRule tax(Row r) {
    String treatment = r.getString("low_value_treatment");
    return new TaxRule(r.getString("rule_id"), r.getInteger("version"), validFrom(r), r.getString("country").trim(),
      r.getString("tax_name"), r.getBigDecimal("rate"), r.getBoolean("shipping_in_base"), r.getBoolean("duty_in_base"),
      money(r, "low_value_limit", "low_value_currency"),
      treatment == null ? null : TaxRule.LowValueTreatment.valueOf(treatment), r.getString("duty_area"),
      r.getString("source"));
  }

  private static DutyRule duty(Row r, Map<String, Map<String, BigDecimal>> rates) {
    String key = r.getString("rule_id") + ":v" + r.getInteger("version");
    return new DutyRule(r.getString("rule_id"), r.getInteger("version"), validFrom(r), r.getString("area"),
      money(r, "threshold", "threshold_currency"), r.getBoolean("shipping_in_value"), r.getBigDecimal("default_rate"),
      rates.getOrDefault(key, Map.of()), r.getString("source"));
  }

  private static Map<String, Map<String, BigDecimal>> dutyRatesByRule(RowSet<Row> rows) {
    Map<String, Map<String, BigDecimal>> byRule = new HashMap<>();
    rows.forEach(r -> byRule.computeIfAbsent(r.getString("rule_id") + ":v" + r.getInteger("version"),
      k -> new HashMap<>()).put(r.getString("hs_prefix"), r.getBigDecimal("rate")));
    return byRule;
  }

  private static Money money(Row r, String amount, String currency) {
    BigDecimal value = r.getBigDecimal(amount);
    return value == null ? null : Money.of(value, CurrencyCode.of(r.getString(currency)));
  }

  private static Instant validFrom(Row r) {
    return r.getOffsetDateTime("valid_from").toInstant();
  }

  private static <T> List<T> toList(RowSet<Row> rows, Function<Row, T> map) {
    List<T> out = new ArrayList<>();
    rows.forEach(r -> out.add(map.apply(r)));
    return out;
  }

  private static <K, V> Map<K, V> toMap(RowSet<Row> rows, Function<Row, K> key, Function<Row, V> value) {
    Map<K, V> out = new HashMap<>();
    rows.forEach(r -> out.put(key.apply(r), value.apply(r)));
    return out;
  }
}
