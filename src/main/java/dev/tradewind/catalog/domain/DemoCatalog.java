package dev.tradewind.catalog.domain;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The demo catalogue of the three demo merchants, as they would import it: deterministic, written in each
 * merchant's two languages, with sizes and colours as variants, a few products out of stock and some on sale
 * for the November–December 2026 season. Products are made by crossing, per category, a handful of product
 * kinds with finishes and collections, so that search has real words to find and facets have values to count.
 */
public final class DemoCatalog {
  public static final String LISBON_LINEN = "Lisbon Linen Lda.";
  public static final String KYOTO_CRAFTS = "Kyoto Crafts K.K.";
  public static final String AUSTIN_AUDIO = "Austin Audio LLC";

  private static final Instant SALE_OPENS = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant SALE_CLOSES = Instant.parse("2026-12-01T00:00:00Z");
  private static final List<BigDecimal> SALE_FACTORS =
    List.of(new BigDecimal("0.80"), new BigDecimal("0.75"), new BigDecimal("0.85"));

  private DemoCatalog() {
  }

  /** Every demo row, keyed by the merchant's legal name, each merchant's rows grouped by product. */
  public static Map<String, List<ProductRow>> rowsByMerchant() {
    Map<String, List<ProductRow>> rows = new LinkedHashMap<>();
    for (Shop shop : List.of(lisbonLinen(), kyotoCrafts(), austinAudio())) {
      rows.put(shop.legalName(), shop.rows());
    }
    return Collections.unmodifiableMap(rows);
  }

  // ---------------------------------------------------------------------------------------------------------
  // How a product is made from a category line

  /** A text in the shop's default language ({@code main}) and in its second language. */
  private record Text(String main, String second) {
  }

  /** A size or colour a product is sold in; {@code percent} scales price and weight. */
  private record Variant(String code, String colour, String size, int percent) {
  }

  /** A kind of product in a category, with what it weighs and measures as shipped and how customs see it. */
  private record Kind(Text name, String price, String hsCode, String spec, int grams, int lengthMm, int widthMm,
                      int heightMm, List<Variant> variants) {
  }

  /** A finish, pattern, edition or origin; {@code colour} is the row's colour where the variants have none. */
  private record Style(Text name, String colour) {
  }

  /** One category of a shop: its kinds are crossed with its styles, the first {@code products} pairs listed. */
  private record Line(String slug, String code, int products, List<String> brands, List<String> models,
                      List<Kind> kinds, List<Style> styles, Text description, List<Text> bullets,
                      Map<String, String> specifications, String otherOrigin, int returnWindowDays,
                      int warrantyMonths) {
  }

  private record Shop(String legalName, String imageFolder, String prefix, String country, String currency,
                      String language, String secondLanguage, List<Line> lines) {

    List<ProductRow> rows() {
      List<ProductRow> rows = new ArrayList<>();
      for (Line line : lines) {
        for (int n = 0; n < line.products(); n++) {
          rows.addAll(product(line, n));
        }
      }
      return List.copyOf(rows);
    }

    private List<ProductRow> product(Line line, int n) {
      int styleIndex = n / line.kinds().size() % line.styles().size();
      Kind kind = line.kinds().get(n % line.kinds().size());
      Style style = line.styles().get(styleIndex);
      String model = line.models().get(n % line.models().size());
      String code = "%s-%s-%03d".formatted(prefix, line.code(), n + 1);
      Map<String, LocalizedContent> content = Map.of(
        language, content(line, kind, style, model, n, Text::main),
        secondLanguage, content(line, kind, style, model, n, Text::second));
      List<String> images = IntStream.rangeClosed(1, 1 + n % 3)
        .mapToObj(i -> "https://images.tradewind.test/%s/%s-%d.jpg".formatted(imageFolder, code, i)).toList();
      Map<String, String> specifications = new LinkedHashMap<>(line.specifications());
      String[] spec = kind.spec().split(": ", 2);
      specifications.put(spec[0], spec[1]);
      boolean onSale = n % 4 == 1;
      String origin = line.otherOrigin() != null && n % 5 == 4 ? line.otherOrigin() : country;

      List<ProductRow> rows = new ArrayList<>();
      for (int v = 0; v < Math.min(kind.variants().size(), 1 + n % 4); v++) {
        Variant variant = kind.variants().get(v);
        BigDecimal amount = new BigDecimal(kind.price())
          .multiply(BigDecimal.valueOf((long) variant.percent() * (100 + 5 * (styleIndex % 3))))
          .movePointLeft(4);
        rows.add(new ProductRow(code, code + "-" + variant.code(), line.slug(),
          line.brands().get(n % line.brands().size()), model, language, content, images, specifications,
          variant.colour() != null ? variant.colour() : style.colour(), variant.size(), currency,
          ShelfPrice.of(amount, currency),
          onSale ? ShelfPrice.of(amount.multiply(SALE_FACTORS.get(n % 3)), currency) : null,
          onSale ? SALE_OPENS.plus(Duration.ofDays(n % 3 * 4L)) : null,
          onSale ? SALE_CLOSES.plus(Duration.ofDays(n % 4 * 7L)) : null,
          kind.grams() * variant.percent() / 100, kind.lengthMm(), kind.widthMm(), kind.heightMm(),
          origin, kind.hsCode(), line.returnWindowDays(), line.warrantyMonths(),
          (n + v) % 9 == 4 ? 0 : (n * 89 + v * 37 + 17) % 500 + 1));
      }
      return rows;
    }

    private static LocalizedContent content(Line line, Kind kind, Style style, String model, int n,
                                            Function<Text, String> in) {
      String name = in.apply(kind.name());
      String finish = in.apply(style.name());
      int count = Math.min(line.bullets().size(), 2 + n % 4);
      List<String> bullets = IntStream.range(0, count)
        .mapToObj(i -> in.apply(line.bullets().get((n + i) % line.bullets().size()))).toList();
      return new LocalizedContent(name + " — " + finish, in.apply(line.description()).formatted(name, finish, model),
        bullets);
    }
  }

  private static Text t(String main, String second) {
    return new Text(main, second);
  }

  private static Style style(String main, String second, String colour) {
    return new Style(t(main, second), colour);
  }

  private static Kind kind(Text name, String price, String hsCode, String spec, int grams, int lengthMm,
                           int widthMm, int heightMm, List<Variant> variants) {
    return new Kind(name, price, hsCode, spec, grams, lengthMm, widthMm, heightMm, variants);
  }

  private static Variant size(String code, String size, int percent) {
    return new Variant(code, null, size, percent);
  }

  private static Variant colour(String code, String colour) {
    return new Variant(code, colour, null, 100);
  }

  private static final List<Variant> ONE_SIZE = List.of(size("OS", null, 100));

  // ---------------------------------------------------------------------------------------------------------
  // Lisbon Linen Lda. — Portugal, EUR, pt + en

  private static Shop lisbonLinen() {
    List<Variant> bedSizes = List.of(size("140", "140x200", 100), size("200", "200x200", 125),
      size("240", "240x220", 145), size("260", "260x240", 165));
    List<Variant> sheetSizes = List.of(size("090", "90x200", 100), size("140", "140x200", 120),
      size("160", "160x200", 135), size("180", "180x200", 150));
    List<Variant> pillowSizes = List.of(size("5070", "50x70", 100), size("6565", "65x65", 110));
    List<Variant> towelColours = List.of(colour("WHT", "White"), colour("SND", "Sand"), colour("SEA", "Sea Blue"),
      colour("CLY", "Clay"));
    List<Variant> clothSizes = List.of(size("140180", "140x180", 100), size("140250", "140x250", 125),
      size("160300", "160x300", 150));
    List<Variant> runnerSizes = List.of(size("40150", "40x150", 100), size("40220", "40x220", 130));

    Line bedLinen = new Line("bed-linen", "BED", 16, List.of("Lisbon Linen", "Casa do Linho"),
      List.of("Alfama", "Sintra", "Cascais", "Comporta", "Belém"),
      List.of(
        kind(t("Capa de edredão em linho", "Linen Duvet Cover"), "119", "630239",
          "Closure: coconut-shell buttons", 1400, 400, 300, 60, bedSizes),
        kind(t("Lençol de baixo em linho", "Linen Fitted Sheet"), "79", "630239",
          "Pocket depth: 35 cm", 900, 350, 280, 50, sheetSizes),
        kind(t("Lençol de cima em linho", "Linen Flat Sheet"), "75", "630239",
          "Hem: 5 cm double-stitched", 950, 350, 280, 50, sheetSizes),
        kind(t("Par de fronhas em linho", "Linen Pillowcase Pair"), "39", "630239",
          "Closure: envelope", 350, 300, 220, 30, pillowSizes),
        kind(t("Conjunto de cama em percal estampado", "Printed Cotton Percale Bedding Set"), "139", "630221",
          "Thread count: 200", 2100, 420, 320, 90, bedSizes)),
      List.of(
        style("lavado, verde-salva", "Stonewashed Sage", "Sage"),
        style("natural, cor de aveia", "Natural Oatmeal", "Oatmeal"),
        style("branco lavado", "Washed White", "White"),
        style("terracota", "Terracotta Clay", "Terracotta"),
        style("riscas índigo", "Indigo Stripe", "Indigo"),
        style("cinza carvão", "Charcoal Grey", "Charcoal")),
      t("%1$s da coleção %3$s, %2$s. Linho europeu tecido em Guimarães e lavado com pedra para um toque macio "
          + "desde a primeira noite.",
        "%1$s from the %3$s collection in %2$s. European flax woven in Guimarães and stonewashed for a soft, "
          + "lived-in feel from the first night."),
      List.of(
        t("100% linho europeu com certificação OEKO-TEX", "100% European flax linen, OEKO-TEX certified"),
        t("Lavável à máquina a 40 °C", "Machine washable at 40 °C"),
        t("Fica mais macio a cada lavagem", "Gets softer with every wash"),
        t("Tecido e confecionado em Portugal", "Woven and sewn in Portugal"),
        t("Fresco no verão, aconchegante no inverno", "Breathable in summer, cosy in winter"),
        t("Pré-lavado para não encolher", "Pre-washed to prevent shrinking")),
      Map.of("Material", "100% linen", "Care", "Machine wash 40 °C, tumble dry low"),
      null, 30, 0);

    Line bathTowels = new Line("bath-towels", "BTH", 16, List.of("Casa do Linho", "Lisbon Linen"),
      List.of("Nazaré", "Ericeira", "Algarve", "Tavira"),
      List.of(
        kind(t("Toalha de banho em algodão", "Cotton Bath Towel"), "29", "630260",
          "Size: 70x140 cm", 650, 350, 250, 60, towelColours),
        kind(t("Toalha de rosto em felpo", "Terry Hand Towel"), "14", "630260",
          "Size: 50x100 cm", 250, 250, 200, 40, towelColours),
        kind(t("Lençol de banho em felpo", "Terry Bath Sheet"), "45", "630260",
          "Size: 100x150 cm", 1100, 400, 300, 80, towelColours),
        kind(t("Toalha de praia em favo de mel", "Waffle Beach Towel"), "39", "630260",
          "Size: 90x170 cm", 700, 380, 280, 60, towelColours),
        kind(t("Conjunto de toalhas de hóspedes", "Guest Towel Set"), "24", "630260",
          "Contents: 3 towels, 30x50 cm", 300, 260, 200, 50, towelColours)),
      List.of(
        style("canelado orgânico", "Ribbed Organic", null),
        style("riscas fouta", "Fouta Stripe", null),
        style("felpo clássico", "Classic Plush", null),
        style("barra em linho", "Linen Border", null),
        style("jacquard de ondas", "Wave Jacquard", null)),
      t("%1$s da linha %3$s, %2$s. Algodão de fibra longa tecido no norte de Portugal, denso e absorvente, que "
          + "seca depressa.",
        "%1$s from the %3$s line, %2$s. Long-staple cotton woven in northern Portugal: dense, absorbent and "
          + "quick to dry."),
      List.of(
        t("Algodão 100% de fibra longa", "100% long-staple cotton"),
        t("Absorvente e de secagem rápida", "Highly absorbent and quick-drying"),
        t("Bainhas com costura dupla reforçada", "Double-stitched reinforced hems"),
        t("Tingido sem metais pesados", "Dyed without heavy metals"),
        t("Presilha para pendurar", "Hanging loop sewn in")),
      Map.of("Material", "100% cotton terry", "Care", "Machine wash 60 °C"),
      null, 30, 0);

    Line tableLinen = new Line("table-linen", "TAB", 16, List.of("Lisbon Linen"),
      List.of("Chiado", "Príncipe Real", "Mouraria", "Graça"),
      List.of(
        kind(t("Toalha de mesa em linho", "Linen Tablecloth"), "69", "630259",
          "Weight: 190 g/m²", 800, 350, 260, 50, clothSizes),
        kind(t("Conjunto de 4 guardanapos em linho", "Linen Napkins, Set of 4"), "32", "630259",
          "Size: 45x45 cm", 300, 250, 200, 30, ONE_SIZE),
        kind(t("Caminho de mesa em linho", "Linen Table Runner"), "29", "630259",
          "Weight: 190 g/m²", 250, 300, 200, 30, runnerSizes),
        kind(t("Conjunto de 2 individuais em linho", "Linen Placemats, Set of 2"), "22", "630259",
          "Size: 35x50 cm", 200, 360, 260, 20, ONE_SIZE),
        kind(t("Pano de cozinha em linho", "Linen Tea Towel"), "12", "630299",
          "Size: 50x70 cm", 120, 250, 180, 15, ONE_SIZE)),
      List.of(
        style("azul Atlântico", "Atlantic Blue", "Blue"),
        style("amarelo mostarda", "Mustard Yellow", "Mustard"),
        style("linho natural", "Natural Flax", "Natural"),
        style("riscas de colchão", "Ticking Stripe", "Navy"),
        style("xadrez vichy", "Gingham Check", "Red"),
        style("verde oliveira", "Olive Green", "Olive")),
      t("%1$s da coleção %3$s, %2$s. Linho de peso médio com cantos em esquadria, feito para o dia a dia e "
          + "para os dias de festa.",
        "%1$s from the %3$s collection in %2$s. Mid-weight linen with mitred corners, made for weekday suppers "
          + "and long Sunday lunches."),
      List.of(
        t("Linho 100%, peso médio", "100% linen, mid-weight"),
        t("Cantos em esquadria acabados à mão", "Hand-finished mitred corners"),
        t("As nódoas saem numa lavagem a 60 °C", "Stains lift out at 60 °C"),
        t("Não precisa de ser passado a ferro", "No ironing needed: the creases are the look"),
        t("Confecionado em Guimarães", "Made in Guimarães")),
      Map.of("Material", "100% linen", "Care", "Machine wash 60 °C"),
      null, 30, 0);

    Line scarves = new Line("scarves", "SCF", 16, List.of("Atelier Estrela", "Lisbon Linen"),
      List.of("Lapa", "Estrela", "Campo de Ourique", "Madragoa"),
      List.of(
        kind(t("Lenço de seda estampado", "Printed Silk Scarf"), "59", "621410",
          "Size: 90x90 cm", 80, 200, 150, 20, ONE_SIZE),
        kind(t("Écharpe de linho", "Linen Wrap Scarf"), "39", "621490",
          "Size: 70x190 cm", 150, 220, 160, 30, ONE_SIZE),
        kind(t("Cachecol de lã merino", "Merino Wool Scarf"), "49", "621420",
          "Size: 30x180 cm", 180, 220, 160, 40, ONE_SIZE),
        kind(t("Lenço de pescoço em seda", "Silk Neckerchief"), "35", "621410",
          "Size: 55x55 cm", 40, 160, 120, 20, ONE_SIZE)),
      List.of(
        style("azulejo azul e branco", "Azulejo Blue and White", "Blue"),
        style("ondas do Tejo", "Tagus Waves", "Teal"),
        style("jacarandá lilás", "Jacaranda Lilac", "Lilac"),
        style("ocre do Alentejo", "Alentejo Ochre", "Ochre"),
        style("cinza nevoeiro", "Fog Grey", "Grey")),
      t("%1$s %3$s, %2$s. Desenhado em Lisboa a partir dos azulejos, da calçada e da luz do rio, com bainhas "
          + "enroladas à mão.",
        "The %3$s %1$s in %2$s. Designed in Lisbon after its tiles, pavements and river light, with "
          + "hand-rolled hems."),
      List.of(
        t("Bainhas enroladas à mão", "Hand-rolled hems"),
        t("Padrão original desenhado em Lisboa", "Original pattern drawn in Lisbon"),
        t("Leve e fácil de levar na mala", "Light enough to live in your bag"),
        t("Entregue em caixa de oferta", "Arrives in a gift box"),
        t("Limpeza a seco ou lavagem à mão", "Dry clean or gentle hand wash")),
      Map.of("Care", "Hand wash cold", "Packaging", "Gift box"),
      "IT", 30, 0);

    Line toteBags = new Line("tote-bags", "TOT", 16, List.of("Casa do Linho", "Lisbon Linen"),
      List.of("Ribeira", "Feira da Ladra", "Santos", "Bica"),
      List.of(
        kind(t("Saco tote em linho", "Linen Tote Bag"), "29", "420222",
          "Capacity: 15 L", 250, 380, 300, 20, ONE_SIZE),
        kind(t("Saco de mercado em lona", "Canvas Market Bag"), "35", "420222",
          "Capacity: 20 L", 400, 420, 340, 30, ONE_SIZE),
        kind(t("Saco de praia em linho e cortiça", "Linen and Cork Beach Bag"), "59", "420222",
          "Capacity: 25 L", 550, 500, 380, 40, ONE_SIZE),
        kind(t("Bolsa com fecho em linho", "Linen Zip Pouch"), "19", "420292",
          "Size: 25x18 cm", 90, 260, 190, 20, ONE_SIZE)),
      List.of(
        style("natural com asas de couro", "Natural with Leather Handles", "Natural"),
        style("riscas de marinheiro", "Sailor Stripe", "Navy"),
        style("verde-garrafa", "Bottle Green", "Green"),
        style("rosa-velho", "Dusty Rose", "Rose"),
        style("preto carvão", "Charcoal Black", "Black")),
      t("%1$s %3$s, %2$s. Tecido resistente com costuras reforçadas e bolso interior, para o mercado, a praia ou "
          + "o escritório.",
        "The %3$s %1$s in %2$s. Sturdy weave, reinforced seams and an inside pocket, for the market, the beach "
          + "or the office."),
      List.of(
        t("Costuras reforçadas nas asas", "Reinforced handle seams"),
        t("Bolso interior com fecho", "Zipped inside pocket"),
        t("Dobra-se até caber num bolso", "Folds flat into a pocket"),
        t("Lavável à máquina a 30 °C", "Machine washable at 30 °C"),
        t("Feito com sobras de tecido da nossa oficina", "Made from offcuts in our own workshop")),
      Map.of("Material", "Linen and cotton canvas", "Handle drop", "25 cm"),
      "ES", 30, 6);

    return new Shop(LISBON_LINEN, "lisbon-linen", "LL", "PT", "EUR", "pt", "en",
      List.of(bedLinen, bathTowels, tableLinen, scarves, toteBags));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Kyoto Crafts K.K. — Japan, JPY, ja + en

  private static Shop kyotoCrafts() {
    List<Variant> gyutoLengths = List.of(size("210", "210 mm", 100), size("240", "240 mm", 120),
      size("270", "270 mm", 140));
    List<Variant> yanagibaLengths = List.of(size("240", "240 mm", 100), size("270", "270 mm", 115),
      size("300", "300 mm", 135));
    List<Variant> bowlSizes = List.of(size("S", "Small", 100), size("L", "Large", 115));
    List<Variant> teaSmall = List.of(size("30G", "30 g", 100), size("100G", "100 g", 300));
    List<Variant> teaLarge = List.of(size("100G", "100 g", 100), size("200G", "200 g", 190),
      size("500G", "500 g", 450));
    List<Variant> covers = List.of(colour("IND", "Indigo"), colour("SAK", "Sakura Pink"),
      colour("MAT", "Matcha Green"), colour("SUM", "Sumi Black"));

    Line knives = new Line("knives", "KNF", 15, List.of("Sakai Takumi", "Kyoto Crafts"),
      List.of("Kiri", "Hinoki", "Sakura", "Tsubaki", "Kaede"),
      List.of(
        kind(t("三徳包丁", "Santoku Knife"), "18000", "821192", "Blade length: 165 mm", 230, 330, 60, 25, ONE_SIZE),
        kind(t("牛刀", "Gyuto Chef's Knife"), "24000", "821192", "Blade steel: VG-10 core", 250, 380, 60, 25,
          gyutoLengths),
        kind(t("ペティナイフ", "Petty Utility Knife"), "12000", "821192", "Blade length: 135 mm", 120, 270, 50, 25,
          ONE_SIZE),
        kind(t("菜切包丁", "Nakiri Vegetable Knife"), "16000", "821192", "Blade length: 165 mm", 200, 320, 70, 25,
          ONE_SIZE),
        kind(t("柳刃包丁", "Yanagiba Sashimi Knife"), "28000", "821192", "Bevel: single, right-handed", 210, 440,
          60, 25, yanagibaLengths)),
      List.of(
        style("黒打ち仕上げ", "Kurouchi Black Finish", null),
        style("槌目仕上げ", "Hammered Tsuchime", null),
        style("ダマスカス模様", "Damascus Pattern", null),
        style("鏡面磨き", "Mirror Polish", null)),
      t("%3$sシリーズの%1$s(%2$s)。堺の鍛冶職人が一本ずつ鍛え、研ぎ上げました。朴の木の八角柄が手によくなじみます。",
        "The %3$s %1$s with a %2$s. Forged and sharpened one at a time by smiths in Sakai, with an octagonal "
          + "magnolia handle that settles into the hand."),
      List.of(
        t("堺の職人による手打ち", "Hand-forged by artisans in Sakai"),
        t("朴の木の八角柄と水牛の口輪", "Octagonal magnolia handle with buffalo-horn ferrule"),
        t("桐箱入り", "Comes in a paulownia wood box"),
        t("使用後は手洗いし、水気を拭き取ってください", "Hand wash and dry straight after use"),
        t("1年間の研ぎ直しサービス付き", "Free resharpening for the first year")),
      Map.of("Hardness", "HRC 61", "Handle", "Magnolia, octagonal"),
      null, 30, 24);

    Line tableware = new Line("tableware", "TBW", 15, List.of("Kiyomizu Kiln", "Kyoto Crafts"),
      List.of("Kiyomizu", "Gion", "Arashiyama", "Ohara", "Kurama"),
      List.of(
        kind(t("飯碗", "Rice Bowl"), "3200", "691200", "Diameter: 12 cm", 250, 140, 140, 80, bowlSizes),
        kind(t("湯呑み", "Yunomi Teacup"), "2800", "691200", "Capacity: 200 ml", 180, 100, 100, 100, ONE_SIZE),
        kind(t("取り皿 5枚組", "Side Plates, Set of 5"), "8500", "691200", "Diameter: 16 cm", 1200, 180, 180, 120,
          ONE_SIZE),
        kind(t("箸と箸置きのセット", "Chopsticks with Rest"), "2400", "441990", "Length: 23 cm", 60, 260, 60, 30,
          ONE_SIZE),
        kind(t("土鍋", "Donabe Clay Pot"), "12000", "691200", "Capacity: 1.8 L", 2600, 300, 300, 200, ONE_SIZE)),
      List.of(
        style("藍染付", "Indigo Sometsuke", "Indigo"),
        style("白磁", "White Porcelain Glaze", "White"),
        style("織部釉", "Oribe Green Glaze", "Green"),
        style("天目釉", "Tenmoku Brown Glaze", "Brown")),
      t("%3$sシリーズの%1$s、%2$s。京都・清水の窯元で一点ずつ手描きし、釉を掛けています。電子レンジ・食洗機に対応。",
        "%1$s from the %3$s series in %2$s. Hand-painted and glazed piece by piece at a kiln in Kiyomizu, "
          + "Kyoto. Microwave and dishwasher safe."),
      List.of(
        t("京都・清水焼の窯元で製作", "Made at a Kiyomizu-yaki kiln in Kyoto"),
        t("一点ずつ手描きのため、柄が少しずつ異なります", "Hand-painted, so no two pieces are quite alike"),
        t("電子レンジ・食洗機対応", "Microwave and dishwasher safe"),
        t("割れないよう専用の緩衝材で梱包", "Shipped in fitted protective packaging"),
        t("贈り物用の化粧箱入り", "Presented in a gift box")),
      Map.of("Material", "Stoneware", "Care", "Dishwasher safe"),
      null, 30, 0);

    Line tea = new Line("tea", "TEA", 15, List.of("Uji Hōen", "Kyoto Crafts"),
      List.of("Okumidori", "Yabukita", "Samidori", "Asahi", "Gokō"),
      List.of(
        kind(t("抹茶", "Ceremonial Matcha"), "3800", "090210", "Grade: ceremonial", 60, 90, 90, 60, teaSmall),
        kind(t("玉露", "Gyokuro Green Tea"), "2600", "090210", "Shading: 20 days", 120, 160, 100, 40, teaLarge),
        kind(t("煎茶", "Sencha Green Tea"), "1500", "090210", "Harvest: first flush", 120, 160, 100, 40, teaLarge),
        kind(t("ほうじ茶", "Hojicha Roasted Tea"), "1200", "090210", "Roast: medium", 120, 180, 110, 50, teaLarge),
        kind(t("和紅茶", "Wakocha Japanese Black Tea"), "1800", "090230", "Oxidation: full", 60, 140, 90, 40,
          teaSmall)),
      List.of(
        style("宇治・一番摘み", "Uji First Harvest", null),
        style("和束町・有機栽培", "Wazuka Organic", null),
        style("京田辺・手摘み", "Kyotanabe Hand-Picked", null),
        style("南山城・深蒸し", "Minamiyamashiro Deep-Steamed", null)),
      t("%1$s「%3$s」、%2$s。京都府南部の茶園で育てた茶葉を、茶師が丁寧に仕上げました。",
        "%1$s of the %3$s cultivar, %2$s. Grown in the tea gardens of southern Kyoto and finished by our tea "
          + "master."),
      List.of(
        t("京都府産の茶葉100%", "100% Kyoto-grown leaf"),
        t("チャック付きアルミ袋で鮮度を保持", "Resealable foil pouch keeps it fresh"),
        t("おすすめの淹れ方:70 °Cで90秒", "Steep at 70 °C for 90 seconds"),
        t("残留農薬検査済み", "Tested for pesticide residues"),
        t("賞味期限:製造から12か月", "Best within 12 months of packing")),
      Map.of("Origin", "Kyoto Prefecture", "Storage", "Cool, dry, away from light"),
      null, 14, 0);

    Line notebooks = new Line("notebooks", "NTB", 15, List.of("Kamiya Shiki", "Kyoto Crafts"),
      List.of("Washi", "Hanshi", "Tomoe", "Kumo", "Sora"),
      List.of(
        kind(t("和紙ノート A5", "Washi Notebook A5"), "1800", "482010", "Pages: 96", 220, 215, 155, 12, covers),
        kind(t("御朱印帳", "Goshuin Stamp Book"), "2200", "482010", "Pages: 48, accordion-folded", 180, 185, 125,
          20, covers),
        kind(t("スケッチブック B5", "Sketchbook B5"), "2400", "482010", "Paper: 180 g/m²", 400, 262, 187, 15,
          covers),
        kind(t("和綴じ手帳", "Stab-Bound Pocket Journal"), "1600", "482010", "Pages: 120", 120, 150, 105, 12,
          covers),
        kind(t("方眼ノート A6", "Grid Notebook A6"), "900", "482010", "Pages: 160, 5 mm grid", 90, 148, 105, 10,
          covers)),
      List.of(
        style("麻の葉柄", "Asanoha Pattern", null),
        style("青海波柄", "Seigaiha Waves", null),
        style("市松柄", "Ichimatsu Check", null),
        style("無地", "Plain Cover", null)),
      t("%3$sシリーズの%1$s、%2$s。越前和紙の表紙に、にじみにくい国産の筆記用紙を綴じました。",
        "%1$s from the %3$s series with %2$s. Echizen washi covers over Japanese writing paper that takes "
          + "fountain-pen ink without bleeding."),
      List.of(
        t("越前和紙の表紙", "Covers of Echizen washi"),
        t("万年筆でもにじみにくい用紙", "Fountain-pen-friendly paper"),
        t("180度開く糸かがり製本", "Thread-sewn binding that lies flat"),
        t("京都の工房で手製本", "Hand-bound in a Kyoto workshop"),
        t("しおり紐付き", "Ribbon bookmark")),
      Map.of("Paper", "Japanese wood-free, 80 g/m²", "Binding", "Thread-sewn"),
      null, 30, 0);

    Line toys = new Line("wooden-toys", "TOY", 15, List.of("Hinoki Kobo", "Kyoto Crafts"),
      List.of("Mori", "Kawa", "Yama", "Umi", "Hoshi"),
      List.of(
        kind(t("けん玉", "Kendama"), "2800", "950300", "Wood: beech", 180, 190, 80, 80, ONE_SIZE),
        kind(t("木製積み木 30ピース", "Wooden Building Blocks, 30 Pieces"), "5800", "950300", "Pieces: 30", 1200,
          300, 220, 90, ONE_SIZE),
        kind(t("こま", "Spinning Top"), "1200", "950300", "Diameter: 5 cm", 60, 80, 80, 80, ONE_SIZE),
        kind(t("だるま落とし", "Daruma Otoshi Stacking Game"), "2400", "950300", "Height: 18 cm", 350, 200, 80, 80,
          ONE_SIZE),
        kind(t("木製汽車セット", "Wooden Train Set"), "7800", "950300", "Pieces: 24", 1500, 400, 280, 90,
          ONE_SIZE)),
      List.of(
        style("ひのき無垢", "Natural Hinoki", "Natural"),
        style("漆塗り", "Urushi Lacquered", "Red"),
        style("手描き彩色", "Hand-Painted Colours", "Multicolour"),
        style("さくら材", "Cherry Wood", "Cherry")),
      t("%3$sシリーズの%1$s、%2$s。国産材を職人が削り出し、子どもが口に入れても安心な塗料で仕上げました。",
        "%1$s from the %3$s series, %2$s. Turned by hand from Japanese timber and finished with paints that "
          + "are safe if little ones chew them."),
      List.of(
        t("国産材を使用", "Made from Japanese timber"),
        t("食品衛生法に適合した塗料", "Finished with food-safe paints"),
        t("対象年齢3歳以上", "For ages 3 and up"),
        t("角を丸く面取り", "Rounded, sanded edges"),
        t("ST基準適合", "Meets the Japan Toy Safety (ST) standard")),
      Map.of("Age", "3+", "Finish", "Food-safe paint"),
      "VN", 30, 0);

    return new Shop(KYOTO_CRAFTS, "kyoto-crafts", "KC", "JP", "JPY", "ja", "en",
      List.of(knives, tableware, tea, notebooks, toys));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Austin Audio LLC — United States, USD, en + es

  private static Shop austinAudio() {
    List<Variant> headphoneColours = List.of(colour("BLK", "Matte Black"), colour("SND", "Sand"),
      colour("NVY", "Midnight Navy"), colour("OLV", "Olive"));
    List<Variant> cabinetFinishes = List.of(colour("WAL", "Walnut"), colour("BLK", "Black Ash"),
      new Variant("WHT", "Satin White", null, 105), colour("OAK", "Natural Oak"));
    List<Variant> plinthFinishes = List.of(colour("BLK", "Gloss Black"), new Variant("WAL", "Walnut", null, 110),
      colour("WHT", "Matte White"));
    List<Variant> shortLengths = List.of(size("05", "0.5 m", 100), size("10", "1 m", 120), size("20", "2 m", 150),
      size("50", "5 m", 210));
    List<Variant> longLengths = List.of(size("1", "1 m", 100), size("3", "3 m", 130), size("6", "6 m", 170),
      size("10", "10 m", 230));

    Line headphones = new Line("headphones", "HPH", 18, List.of("Austin Audio", "Barton Creek"),
      List.of("H2", "H4", "H7 Pro", "E1", "E3"),
      List.of(
        kind(t("Wireless Over-Ear Headphones", "Auriculares inalámbricos de diadema"), "249", "851830",
          "Battery life: 40 h", 290, 200, 180, 90, headphoneColours),
        kind(t("Noise-Cancelling Headphones", "Auriculares con cancelación de ruido"), "329", "851830",
          "Battery life: 30 h with ANC", 310, 200, 180, 90, headphoneColours),
        kind(t("Studio Monitor Headphones", "Auriculares de estudio"), "179", "851830",
          "Impedance: 38 Ω", 280, 210, 190, 100, headphoneColours),
        kind(t("True Wireless Earbuds", "Auriculares intraurales true wireless"), "149", "851830",
          "Battery life: 8 h + 24 h in the case", 60, 110, 90, 45, headphoneColours),
        kind(t("Open-Back Reference Headphones", "Auriculares abiertos de referencia"), "449", "851830",
          "Impedance: 250 Ω", 340, 230, 200, 110, headphoneColours)),
      List.of(
        style("Studio Edition", "edición Studio", null),
        style("Travel Edition", "edición Travel", null),
        style("Limited Walnut Edition", "edición limitada en nogal", null),
        style("Everyday Edition", "edición Everyday", null)),
      t("The %3$s %1$s, %2$s. Tuned in Austin by people who mix records there: a warm low end, clear vocals "
          + "and nothing shouty up top.",
        "%1$s %3$s, %2$s. Afinados en Austin por quienes mezclan discos allí: graves cálidos, voces claras y "
          + "agudos sin estridencias."),
      List.of(
        t("Bluetooth 5.3 with AAC and LDAC", "Bluetooth 5.3 con AAC y LDAC"),
        t("Replaceable ear pads and cable", "Almohadillas y cable reemplazables"),
        t("USB-C fast charging: 10 minutes for 5 hours", "Carga rápida USB-C: 10 minutos para 5 horas"),
        t("Folds into the included hard case", "Se pliegan en el estuche rígido incluido"),
        t("Two-year warranty, repairs done in Texas", "Dos años de garantía, reparaciones en Texas")),
      Map.of("Driver", "40 mm dynamic", "Frequency response", "5 Hz – 40 kHz"),
      "TW", 30, 24);

    Line speakers = new Line("speakers", "SPK", 18, List.of("Lone Star Sound", "Austin Audio"),
      List.of("S10", "S20", "Bluebonnet", "Pecan", "Congress"),
      List.of(
        kind(t("Bookshelf Speakers, Pair", "Altavoces de estantería, pareja"), "499", "851822",
          "Woofer: 5.25 in", 9800, 320, 200, 260, cabinetFinishes),
        kind(t("Portable Bluetooth Speaker", "Altavoz Bluetooth portátil"), "129", "851822",
          "Battery life: 20 h", 900, 210, 90, 90, cabinetFinishes),
        kind(t("Powered Studio Monitors, Pair", "Monitores de estudio activos, pareja"), "699", "851822",
          "Woofer: 6.5 in", 12400, 350, 230, 290, cabinetFinishes),
        kind(t("Floor-Standing Speaker", "Altavoz de suelo"), "899", "851822",
          "Woofers: 2 x 6.5 in", 19500, 1050, 220, 300, cabinetFinishes),
        kind(t("Desktop Speakers, Pair", "Altavoces de escritorio, pareja"), "229", "851822",
          "Woofer: 3 in", 4200, 200, 130, 160, cabinetFinishes)),
      List.of(
        style("Mk II", "Mk II", null),
        style("Studio Edition", "edición Studio", null),
        style("Home Edition", "edición Home", null),
        style("Anniversary Edition", "edición Aniversario", null)),
      t("The %3$s %1$s, %2$s. Cabinets braced and tuned in our Austin workshop for tight bass and a wide, "
          + "stable stereo image.",
        "%1$s %3$s, %2$s. Cajas reforzadas y afinadas en nuestro taller de Austin para graves firmes y una "
          + "imagen estéreo amplia y estable."),
      List.of(
        t("Bluetooth 5.3, optical and analogue inputs", "Bluetooth 5.3, entradas óptica y analógica"),
        t("Built-in Class D amplification", "Amplificación de clase D integrada"),
        t("Real wood veneer cabinets", "Cajas con chapa de madera natural"),
        t("Room EQ from the Austin Audio app", "Ecualización de sala con la app de Austin Audio"),
        t("Magnetic grilles", "Rejillas magnéticas")),
      Map.of("Frequency response", "45 Hz – 22 kHz", "Amplification", "2 x 50 W Class D"),
      "MX", 30, 24);

    Line turntables = new Line("turntables", "TRN", 18, List.of("Sixth Street Hi-Fi", "Austin Audio"),
      List.of("T1", "T3", "T5 Direct", "Groove", "Broken Spoke"),
      List.of(
        kind(t("Belt-Drive Turntable", "Tocadiscos de tracción por correa"), "399", "851930",
          "Speeds: 33⅓ and 45 rpm", 6200, 450, 380, 150, plinthFinishes),
        kind(t("Direct-Drive Turntable", "Tocadiscos de tracción directa"), "649", "851930",
          "Speeds: 33⅓, 45 and 78 rpm", 9800, 460, 380, 160, plinthFinishes),
        kind(t("Turntable with Built-In Phono Preamp", "Tocadiscos con previo de phono integrado"), "299",
          "851930", "Output: line or phono", 5400, 440, 360, 140, plinthFinishes),
        kind(t("Bluetooth Turntable", "Tocadiscos Bluetooth"), "249", "851930",
          "Bluetooth: aptX HD", 4800, 430, 350, 130, plinthFinishes),
        kind(t("Fully Automatic Turntable", "Tocadiscos totalmente automático"), "279", "851930",
          "Operation: auto start and return", 5200, 430, 360, 130, plinthFinishes)),
      List.of(
        style("Acrylic Platter", "plato de acrílico", null),
        style("Carbon Tonearm", "brazo de carbono", null),
        style("Heritage Edition", "edición Heritage", null),
        style("Essential", "Essential", null)),
      t("The %3$s %1$s, %2$s. Set up at the factory with a pre-mounted cartridge: level it, plug it in and "
          + "play.",
        "%1$s %3$s, %2$s. Ajustado de fábrica con la cápsula ya montada: nivélalo, conéctalo y a sonar."),
      List.of(
        t("Pre-mounted, pre-aligned moving-magnet cartridge", "Cápsula de imán móvil premontada y alineada"),
        t("Switchable phono preamp", "Previo de phono conmutable"),
        t("Die-cast aluminium platter", "Plato de aluminio fundido"),
        t("Isolation feet tame footfall and feedback", "Patas aislantes contra pisadas y realimentación"),
        t("Dust cover and 45 adapter included", "Incluye tapa antipolvo y adaptador de 45")),
      Map.of("Wow and flutter", "0.08 %", "Signal-to-noise", "68 dB"),
      "CZ", 30, 36);

    Line cables = new Line("cables", "CBL", 18, List.of("Red River Wire", "Austin Audio"),
      List.of("Studio", "Reference", "Stage", "Road"),
      List.of(
        kind(t("RCA Interconnect Cable, Pair", "Cable de interconexión RCA, pareja"), "39", "854442",
          "Connectors: RCA male", 180, 200, 150, 40, shortLengths),
        kind(t("XLR Microphone Cable", "Cable de micrófono XLR"), "29", "854442",
          "Connectors: XLR female to male", 250, 200, 150, 50, longLengths),
        kind(t("Speaker Wire with Banana Plugs, Pair", "Cable de altavoz con bananas, pareja"), "59", "854442",
          "Gauge: 14 AWG", 600, 250, 200, 60, longLengths),
        kind(t("3.5 mm to RCA Cable", "Cable de 3,5 mm a RCA"), "19", "854442",
          "Connectors: 3.5 mm TRS to 2 x RCA", 80, 180, 120, 30, shortLengths),
        kind(t("Phono Cable with Ground Wire", "Cable de phono con toma de tierra"), "49", "854442",
          "Capacitance: 45 pF/m", 150, 200, 150, 40, shortLengths)),
      List.of(
        style("Oxygen-Free Copper", "cobre libre de oxígeno", null),
        style("Silver-Plated", "bañado en plata", null),
        style("Braided Nylon Jacket", "funda de nailon trenzado", null),
        style("Low-Capacitance", "baja capacitancia", null)),
      t("The %3$s %1$s, %2$s. Hand-terminated in Austin, tested end to end and built to survive being stepped "
          + "on at a gig.",
        "%1$s %3$s, %2$s. Terminado a mano en Austin, probado de punta a punta y hecho para aguantar pisotones "
          + "en un concierto."),
      List.of(
        t("Gold-plated connectors", "Conectores bañados en oro"),
        t("Double shielding against hum", "Doble apantallado contra zumbidos"),
        t("Every cable tested before it ships", "Cada cable se prueba antes del envío"),
        t("Strain-relieved, hand-soldered joints", "Soldaduras a mano con alivio de tensión"),
        t("Replaced for life if it ever fails", "Sustitución de por vida si alguna vez falla")),
      Map.of("Conductor", "Oxygen-free copper", "Shielding", "Double, braided and foil"),
      "MX", 60, 36);

    return new Shop(AUSTIN_AUDIO, "austin-audio", "AA", "US", "USD", "en", "es",
      List.of(headphones, speakers, turntables, cables));
  }
}
