package dev.tradewind.demo;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.DemoCatalogLoaded;
import dev.tradewind.catalog.contract.LoadDemoCatalog;
import dev.tradewind.catalog.contract.LoadDemoCatalog.DemoMerchant;
import dev.tradewind.identity.contract.AccountCreated;
import dev.tradewind.identity.contract.CreateAccount;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.MerchantOpened;
import dev.tradewind.identity.contract.OpenMerchant;
import dev.tradewind.shared.auth.Role;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Development demo data, loaded through the contexts' own contracts (never by writing their tables) and only
 * when {@code demo.enabled} is true. Loading twice changes nothing: existing accounts are left as they are.
 */
public final class DemoData {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final long CATALOG_TIMEOUT_MS = 120_000;

  /** A demo account; its password is for local development only. */
  public record DemoAccount(String label, String email, String password, String name, String country,
                            String currency, String language, Set<Role> roles, String merchant) {
  }

  public static final List<DemoAccount> ACCOUNTS = List.of(
    new DemoAccount("admin", "admin@tradewind.test", "demo-admin-2026", "Ada Admin", "IE", "EUR", "en", Set.of(Role.ADMIN), null),
    new DemoAccount("buyer (DE)", "buyer.de@tradewind.test", "demo-buyer-2026", "Bettina Becker", "DE", "EUR", "de", Set.of(Role.BUYER), null),
    new DemoAccount("buyer (US)", "buyer.us@tradewind.test", "demo-buyer-2026", "Brian Brooks", "US", "USD", "en", Set.of(Role.BUYER), null),
    new DemoAccount("buyer (JP)", "buyer.jp@tradewind.test", "demo-buyer-2026", "Haruka Sato", "JP", "JPY", "ja", Set.of(Role.BUYER), null),
    new DemoAccount("merchant (PT)", "owner@lisbon-linen.test", "demo-merchant-2026", "Marta Lopes", "PT", "EUR", "pt", Set.of(Role.BUYER), "Lisbon Linen Lda."),
    new DemoAccount("merchant (JP)", "owner@kyoto-crafts.test", "demo-merchant-2026", "Kenji Mori", "JP", "JPY", "ja", Set.of(Role.BUYER), "Kyoto Crafts K.K."),
    new DemoAccount("merchant (US)", "owner@austin-audio.test", "demo-merchant-2026", "Alex Rivera", "US", "USD", "en", Set.of(Role.BUYER), "Austin Audio LLC"));

  private DemoData() {
  }

  public static Future<Void> load(Vertx vertx) {
    return Future.all(ACCOUNTS.stream().map(account -> create(vertx, account)).toList())
      .map(all -> all.<DemoMerchant>list().stream().filter(java.util.Objects::nonNull).toList())
      .compose(merchants -> Bus.<DemoCatalogLoaded>request(vertx, CatalogContract.LOAD_DEMO_CATALOG,
        new LoadDemoCatalog(merchants), "demo-data", CATALOG_TIMEOUT_MS))
      .onSuccess(catalog -> LOG.info("demo data loaded ({} accounts, {} products)", ACCOUNTS.size(), catalog.products()))
      .mapEmpty();
  }

  /** Creates the account, and for a merchant owner the merchant, answering it (or null for other accounts). */
  private static Future<DemoMerchant> create(Vertx vertx, DemoAccount a) {
    CreateAccount command = new CreateAccount(a.email(), a.password(), a.name(), a.country(), a.currency(),
      a.language(), a.roles());
    return Bus.<AccountCreated>request(vertx, IdentityContract.CREATE_ACCOUNT, command, "demo-data")
      .compose(created -> a.merchant() == null ? Future.succeededFuture()
        : Bus.<MerchantOpened>request(vertx, IdentityContract.OPEN_MERCHANT, new OpenMerchant(created.userId(),
          a.merchant(), a.country(), a.currency(), a.language()), "demo-data")
          .map(opened -> new DemoMerchant(opened.merchantId(), a.merchant(), a.country(), a.currency(), a.language())));
  }
}
