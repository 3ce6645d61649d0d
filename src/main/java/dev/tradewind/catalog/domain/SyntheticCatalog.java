package dev.tradewind.catalog.domain;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A synthetic catalogue for benchmarks: as many products as asked for (100,000 by default), one to three
 * variants each, spread over every leaf of {@link CategorySeed#tree()}, written in each seller's two languages
 * from a vocabulary of a few hundred words per language, with prices over four orders of magnitude.
 *
 * <p>Rows are made as they are read, so a run holds one product at a time, never the catalogue. Product
 * {@code i} depends only on the seed and {@code i}: the same seed gives the same rows on any machine, and a
 * prefix of a longer run equals a shorter run.
 */
public final class SyntheticCatalog {
  public static final int DEFAULT_PRODUCTS = 100_000;

  /** The languages the vocabulary is written in, in the order of its columns. */
  static final List<String> LANGUAGES = List.of("en", "pt", "ja", "es");

  /**
   * Who the products are listed for. {@code prefix} starts every product code (so sellers never share one),
   * and, in lower case, names the image folder.
   */
  public record Seller(String prefix, String country, String currency, String language, String secondLanguage) {
    public Seller {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(country, "country");
      Currency.getInstance(currency);
      if (!LANGUAGES.contains(language) || !LANGUAGES.contains(secondLanguage) || language.equals(secondLanguage)) {
        throw new IllegalArgumentException("two different languages of " + LANGUAGES + " are needed, not "
          + language + " and " + secondLanguage);
      }
    }
  }

  /** The three demo merchants as synthetic sellers. */
  public static final List<Seller> DEMO_SELLERS = List.of(
    new Seller("LL", "PT", "EUR", "pt", "en"),
    new Seller("KC", "JP", "JPY", "ja", "en"),
    new Seller("AA", "US", "USD", "en", "es"));

  /** A row and the seller it is listed for. */
  public record Listing(Seller seller, ProductRow row) {
  }

  private SyntheticCatalog() {
  }

  /** The rows of {@code products} products of one seller. */
  public static Iterator<ProductRow> rows(long seed, int products, Seller seller) {
    Iterator<Listing> listings = listings(seed, products, List.of(seller));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return listings.hasNext();
      }

      @Override
      public ProductRow next() {
        return listings.next().row();
      }
    };
  }

  /** The rows of {@code products} products shared out in turn among {@code sellers}. */
  public static Iterator<Listing> listings(long seed, int products, List<Seller> sellers) {
    if (products < 0 || sellers.isEmpty()) {
      throw new IllegalArgumentException("a non-negative number of products and at least one seller are needed");
    }
    List<Seller> fixed = List.copyOf(sellers);
    return new Iterator<>() {
      private final Deque<Listing> pending = new ArrayDeque<>();
      private int made;

      @Override
      public boolean hasNext() {
        return !pending.isEmpty() || made < products;
      }

      @Override
      public Listing next() {
        if (pending.isEmpty()) {
          if (made >= products) {
            throw new NoSuchElementException();
          }
          Seller seller = fixed.get(made % fixed.size());
          product(seed, made++, seller).forEach(row -> pending.add(new Listing(seller, row)));
        }
        return pending.poll();
      }
    };
  }

  /** The HS code of the goods typical of each leaf category. */
  static String hsCode(String categorySlug) {
    String code = HS_CODES.get(categorySlug);
    if (code == null) {
      throw new IllegalStateException("no HS code for category " + categorySlug);
    }
    return code;
  }

  // ---------------------------------------------------------------------------------------------------------

  private static final Instant SEASON = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<CategorySeed> LEAVES = CategorySeed.leaves();
  private static final List<String> SIZES = List.of("S", "M", "L", "XL");
  private static final List<String> OTHER_ORIGINS = List.of("CN", "VN", "IN", "IT", "MX", "TW", "PT", "DE");
  private static final List<Integer> RETURN_WINDOWS = List.of(14, 30, 30, 45, 60);
  private static final List<Integer> WARRANTIES = List.of(0, 0, 6, 12, 24, 36);

  private static List<ProductRow> product(long seed, int index, Seller seller) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    CategorySeed category = LEAVES.get(random.nextInt(LEAVES.size()));
    String brand = pick(random, BRAND_HEADS) + pick(random, BRAND_TAILS);
    String model = (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26)) + "-"
      + (10 * random.nextInt(10, 100)) + pick(random, MODEL_SUFFIXES);
    Words words = new Words(random.nextInt(ADJECTIVES.length), random.nextInt(MATERIALS.length),
      random.nextInt(COLOURS.length), IntStream.generate(() -> random.nextInt(FEATURES.length)).distinct()
        .limit(random.nextInt(2, 6)).toArray());
    String code = "%s-%07d".formatted(seller.prefix(), index);
    Map<String, LocalizedContent> content = Map.of(
      seller.language(), words.content(seller.language(), category, brand, model),
      seller.secondLanguage(), words.content(seller.secondLanguage(), category, brand, model));
    String folder = seller.prefix().toLowerCase(Locale.ROOT);
    List<String> images = IntStream.rangeClosed(1, random.nextInt(1, 5))
      .mapToObj(n -> "https://images.tradewind.test/%s/%s-%d.jpg".formatted(folder, code, n)).toList();
    Map<String, String> specifications = new LinkedHashMap<>();
    specifications.put("Material", MATERIALS[words.material()][0]);
    specifications.put("Model year", String.valueOf(2020 + random.nextInt(7)));
    specifications.put("Warranty service", pick(random, List.of("Return to seller", "On-site", "Carry-in")));

    BigDecimal base = BigDecimal.valueOf(random.nextInt(100, 1000)).scaleByPowerOfTen(random.nextInt(4) - 2)
      .multiply(dollarsTo(seller.currency()));
    boolean onSale = random.nextInt(100) < 15;
    BigDecimal saleFactor = BigDecimal.valueOf(random.nextInt(60, 91)).movePointLeft(2);
    Instant saleStarts = SEASON.plus(Duration.ofDays(random.nextInt(30)));
    Instant saleEnds = saleStarts.plus(Duration.ofDays(random.nextInt(7, 31)));
    int grams = random.nextInt(20, 20_000);
    int length = random.nextInt(50, 1_000);
    int width = random.nextInt(20, length + 1);
    int height = random.nextInt(5, 400);
    String origin = random.nextInt(5) == 0 ? pick(random, OTHER_ORIGINS) : seller.country();
    int returns = pick(random, RETURN_WINDOWS);
    int warranty = pick(random, WARRANTIES);
    boolean byColour = random.nextBoolean();

    List<ProductRow> rows = new ArrayList<>();
    for (int v = 0, variants = random.nextInt(1, 4); v < variants; v++) {
      BigDecimal amount = base.multiply(BigDecimal.valueOf(100 + 10L * v)).movePointLeft(2);
      BigDecimal list = ShelfPrice.of(amount, seller.currency());
      BigDecimal sale = ShelfPrice.of(amount.multiply(saleFactor), seller.currency());
      boolean discounted = onSale && sale.compareTo(list) < 0;
      int stock = random.nextInt(20) == 0 ? 0 : random.nextInt(1, 501);
      rows.add(new ProductRow(code, code + "-" + (v + 1), category.slug(), brand, model, seller.language(),
        content, images, specifications,
        byColour ? COLOURS[(words.colour() + 3 * v) % COLOURS.length][0] : COLOURS[words.colour()][0],
        byColour ? null : SIZES.get(v), seller.currency(), list,
        discounted ? sale : null, discounted ? saleStarts : null, discounted ? saleEnds : null,
        grams + grams * v / 10, length, width, height, origin, hsCode(category.slug()), returns, warranty, stock));
    }
    return rows;
  }

  /** Rough dollar rates, only so that the same goods cost about the same in every currency. */
  private static BigDecimal dollarsTo(String currency) {
    return switch (currency) {
      case "EUR" -> new BigDecimal("0.92");
      case "GBP" -> new BigDecimal("0.79");
      case "JPY" -> new BigDecimal("150");
      case "CAD" -> new BigDecimal("1.37");
      case "AUD" -> new BigDecimal("1.52");
      default -> BigDecimal.ONE;
    };
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** The words one product is written with, as indexes into the vocabulary tables. */
  private record Words(int adjective, int material, int colour, int[] features) {

    LocalizedContent content(String language, CategorySeed category, String brand, String model) {
      int l = LANGUAGES.indexOf(language);
      String noun = category.name(language);
      String adjective = ADJECTIVES[this.adjective][l];
      String material = MATERIALS[this.material][l];
      String colour = COLOURS[this.colour][l];
      List<String> bullets = IntStream.of(features).mapToObj(f -> FEATURES[f][l]).toList();
      String title = switch (language) {
        case "en" -> "%s %s %s %s in %s, %s".formatted(brand, model, adjective, noun, material, colour);
        case "ja" -> "%s %s %s%sの%s(%s)".formatted(brand, model, adjective, material, noun, colour);
        default -> "%s %s %s · %s · %s".formatted(noun, brand, model, material, colour);
      };
      String description = DESCRIPTIONS[l].formatted(brand, model, adjective, material, colour, bullets.get(0),
        bullets.get(1));
      return new LocalizedContent(title, description, bullets);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Vocabulary: each row is {en, pt, ja, es}. Adjectives follow "design" / "diseño", so pt and es are masculine.

  private static final String[] DESCRIPTIONS = {
    "%1$s %2$s: a %3$s design in %4$s, finished in %5$s. %6$s. %7$s.",
    "%1$s %2$s: design %3$s em %4$s, acabamento %5$s. %6$s. %7$s.",
    "%1$s %2$s:%4$sを使った%3$sデザイン、カラーは%5$s。%6$s。%7$s。",
    "%1$s %2$s: diseño %3$s en %4$s, acabado %5$s. %6$s. %7$s.",
  };

  private static final Map<String, String> HS_CODES = Map.ofEntries(
    Map.entry("bed-linen", "630239"), Map.entry("bath-towels", "630260"), Map.entry("table-linen", "630259"),
    Map.entry("throws", "630120"), Map.entry("knives", "821192"), Map.entry("tableware", "691200"),
    Map.entry("cookware", "732393"), Map.entry("tea", "090210"), Map.entry("headphones", "851830"),
    Map.entry("speakers", "851822"), Map.entry("turntables", "851930"), Map.entry("amplifiers", "851840"),
    Map.entry("cables", "854442"), Map.entry("scarves", "621410"), Map.entry("shirts", "620520"),
    Map.entry("accessories", "621710"), Map.entry("tote-bags", "420222"), Map.entry("backpacks", "420292"),
    Map.entry("notebooks", "482010"), Map.entry("pens", "960810"), Map.entry("letter-sets", "481730"),
    Map.entry("wooden-toys", "950300"), Map.entry("puzzles", "950300"), Map.entry("vases", "691390"),
    Map.entry("candles", "340600"), Map.entry("lighting", "940521"), Map.entry("soaps", "340111"),
    Map.entry("skincare", "330499"), Map.entry("coffee", "090121"), Map.entry("olive-oil", "150920"),
    Map.entry("preserves", "200799"));

  private static final String[] BRAND_HEADS = {
    "Nord", "Sol", "Alto", "Kai", "Mira", "Luma", "Terra", "Vela", "Oro", "Brisa", "Hana", "Kumo", "Rio",
    "Pino", "Cedar", "Maple", "Iron", "Silver", "Copper", "Blue", "Red", "Stone", "Wild", "True", "Casa",
  };

  private static final String[] BRAND_TAILS = {
    "vik", "ana", "crest", "works", "field", "moto", "haven", "line", "craft", "wood", "ridge", "sound", "lab",
    " & Co.", " Studio",
  };

  private static final String[] MODEL_SUFFIXES = {"", "", "", " Pro", " Mini", " Max", " Plus", " Lite", " S", " X"};

  private static final String[][] ADJECTIVES = {
    {"compact", "compacto", "コンパクトな", "compacto"},
    {"classic", "clássico", "クラシックな", "clásico"},
    {"modern", "moderno", "モダンな", "moderno"},
    {"minimalist", "minimalista", "ミニマルな", "minimalista"},
    {"rustic", "rústico", "素朴な", "rústico"},
    {"handmade", "artesanal", "手作りの", "artesanal"},
    {"lightweight", "leve", "軽量な", "ligero"},
    {"durable", "resistente", "丈夫な", "resistente"},
    {"elegant", "elegante", "上品な", "elegante"},
    {"vintage", "vintage", "ヴィンテージ調の", "vintage"},
    {"Nordic", "nórdico", "北欧風の", "nórdico"},
    {"Mediterranean", "mediterrânico", "地中海風の", "mediterráneo"},
    {"Japanese", "japonês", "和風の", "japonés"},
    {"sustainable", "sustentável", "サステナブルな", "sostenible"},
    {"recycled", "reciclado", "リサイクル素材の", "reciclado"},
    {"premium", "premium", "プレミアムな", "premium"},
    {"portable", "portátil", "持ち運びやすい", "portátil"},
    {"foldable", "dobrável", "折りたたみ式の", "plegable"},
    {"ergonomic", "ergonómico", "人間工学に基づいた", "ergonómico"},
    {"waterproof", "impermeável", "防水の", "impermeable"},
    {"soft", "suave", "柔らかな", "suave"},
    {"sturdy", "robusto", "頑丈な", "robusto"},
    {"refined", "requintado", "洗練された", "refinado"},
    {"playful", "divertido", "遊び心のある", "divertido"},
    {"timeless", "intemporal", "時代を超えた", "atemporal"},
    {"bold", "arrojado", "大胆な", "atrevido"},
    {"understated", "discreto", "控えめな", "discreto"},
    {"artisanal", "de autor", "職人技の", "de autor"},
    {"organic", "orgânico", "オーガニックの", "orgánico"},
    {"slim", "fino", "スリムな", "delgado"},
    {"oversized", "grande", "大きめの", "grande"},
    {"stackable", "empilhável", "積み重ねられる", "apilable"},
    {"wireless", "sem fios", "ワイヤレスの", "inalámbrico"},
    {"heritage", "tradicional", "伝統的な", "tradicional"},
    {"coastal", "costeiro", "海辺の", "costero"},
    {"urban", "urbano", "都会的な", "urbano"},
    {"cosy", "aconchegante", "居心地のよい", "acogedor"},
    {"professional", "profissional", "プロ仕様の", "profesional"},
    {"limited-edition", "de edição limitada", "限定版の", "de edición limitada"},
    {"everyday", "do dia a dia", "普段使いの", "de diario"},
  };

  private static final String[][] MATERIALS = {
    {"linen", "linho", "リネン", "lino"},
    {"organic cotton", "algodão orgânico", "オーガニックコットン", "algodón orgánico"},
    {"merino wool", "lã merino", "メリノウール", "lana merino"},
    {"silk", "seda", "シルク", "seda"},
    {"cork", "cortiça", "コルク", "corcho"},
    {"walnut", "nogueira", "ウォールナット", "nogal"},
    {"oak", "carvalho", "オーク", "roble"},
    {"hinoki cypress", "cipreste hinoki", "ひのき", "ciprés hinoki"},
    {"bamboo", "bambu", "竹", "bambú"},
    {"beech", "faia", "ブナ", "haya"},
    {"stainless steel", "aço inoxidável", "ステンレス", "acero inoxidable"},
    {"carbon steel", "aço carbono", "炭素鋼", "acero al carbono"},
    {"cast iron", "ferro fundido", "鋳鉄", "hierro fundido"},
    {"copper", "cobre", "銅", "cobre"},
    {"brass", "latão", "真鍮", "latón"},
    {"aluminium", "alumínio", "アルミニウム", "aluminio"},
    {"stoneware", "grés", "炻器", "gres"},
    {"porcelain", "porcelana", "磁器", "porcelana"},
    {"glass", "vidro", "ガラス", "vidrio"},
    {"leather", "couro", "レザー", "cuero"},
    {"recycled polyester", "poliéster reciclado", "再生ポリエステル", "poliéster reciclado"},
    {"canvas", "lona", "キャンバス", "lona"},
    {"washi paper", "papel washi", "和紙", "papel washi"},
    {"recycled paper", "papel reciclado", "再生紙", "papel reciclado"},
    {"beeswax", "cera de abelha", "蜜蝋", "cera de abeja"},
    {"olive wood", "madeira de oliveira", "オリーブウッド", "madera de olivo"},
    {"rattan", "vime", "ラタン", "ratán"},
    {"felt", "feltro", "フェルト", "fieltro"},
    {"ceramic", "cerâmica", "セラミック", "cerámica"},
    {"titanium", "titânio", "チタン", "titanio"},
  };

  private static final String[][] COLOURS = {
    {"Black", "preto", "ブラック", "negro"},
    {"White", "branco", "ホワイト", "blanco"},
    {"Natural", "natural", "ナチュラル", "natural"},
    {"Sage", "verde-salva", "セージ", "salvia"},
    {"Olive", "verde-oliva", "オリーブ", "oliva"},
    {"Forest Green", "verde-floresta", "フォレストグリーン", "verde bosque"},
    {"Indigo", "índigo", "藍色", "índigo"},
    {"Navy", "azul-marinho", "ネイビー", "azul marino"},
    {"Sky Blue", "azul-céu", "スカイブルー", "azul cielo"},
    {"Teal", "azul-petróleo", "ティール", "verde azulado"},
    {"Terracotta", "terracota", "テラコッタ", "terracota"},
    {"Rust", "ferrugem", "ラスト", "óxido"},
    {"Mustard", "mostarda", "マスタード", "mostaza"},
    {"Sand", "areia", "サンド", "arena"},
    {"Oatmeal", "aveia", "オートミール", "avena"},
    {"Charcoal", "carvão", "チャコール", "carbón"},
    {"Slate Grey", "cinza-ardósia", "スレートグレー", "gris pizarra"},
    {"Blush Pink", "rosa-claro", "ブラッシュピンク", "rosa palo"},
    {"Burgundy", "bordeaux", "バーガンディ", "burdeos"},
    {"Lilac", "lilás", "ライラック", "lila"},
    {"Ochre", "ocre", "オーカー", "ocre"},
    {"Cream", "creme", "クリーム", "crema"},
    {"Walnut Brown", "castanho-nogueira", "ウォールナットブラウン", "marrón nogal"},
    {"Gold", "dourado", "ゴールド", "dorado"},
  };

  private static final String[][] FEATURES = {
    {"Made in small batches", "Feito em pequenas séries", "少量生産", "Fabricado en pequeñas series"},
    {"Designed to last for years", "Pensado para durar anos", "長く使える設計", "Pensado para durar años"},
    {"Easy to clean", "Fácil de limpar", "お手入れ簡単", "Fácil de limpiar"},
    {"Machine washable", "Lavável à máquina", "洗濯機で洗えます", "Lavable a máquina"},
    {"Dishwasher safe", "Pode ir à máquina de lavar loiça", "食洗機対応", "Apto para lavavajillas"},
    {"Plastic-free packaging", "Embalagem sem plástico", "プラスチックフリー包装", "Embalaje sin plástico"},
    {"Ships in a gift box", "Enviado em caixa de oferta", "ギフトボックス入り", "Se envía en caja de regalo"},
    {"Free repairs for two years", "Reparações gratuitas durante dois anos", "2年間の無料修理",
      "Reparaciones gratuitas durante dos años"},
    {"Spare parts available", "Peças sobresselentes disponíveis", "交換部品あり", "Repuestos disponibles"},
    {"Certified by OEKO-TEX", "Certificado OEKO-TEX", "OEKO-TEX認証", "Certificado OEKO-TEX"},
    {"FSC-certified wood", "Madeira com certificação FSC", "FSC認証木材", "Madera con certificación FSC"},
    {"Long battery life", "Bateria de longa duração", "長持ちバッテリー", "Batería de larga duración"},
    {"USB-C charging", "Carregamento USB-C", "USB-C充電", "Carga por USB-C"},
    {"Bluetooth 5.3", "Bluetooth 5.3", "Bluetooth 5.3対応", "Bluetooth 5.3"},
    {"Fits in a carry-on", "Cabe numa bagagem de mão", "機内持ち込みサイズ", "Cabe en el equipaje de mano"},
    {"Suitable for children over three", "Adequado para crianças a partir dos três anos", "3歳以上対象",
      "Apto para niños mayores de tres años"},
    {"Hand-finished by artisans", "Acabado à mão por artesãos", "職人による手仕上げ", "Acabado a mano por artesanos"},
    {"Naturally antibacterial", "Naturalmente antibacteriano", "天然の抗菌性", "Antibacteriano natural"},
    {"Breathable all year round", "Respirável todo o ano", "一年中快適な通気性", "Transpirable todo el año"},
    {"Keeps drinks hot for hours", "Mantém as bebidas quentes durante horas", "飲み物を長時間保温",
      "Mantiene las bebidas calientes durante horas"},
    {"Non-slip base", "Base antiderrapante", "滑り止め付き", "Base antideslizante"},
    {"Stacks to save space", "Empilha-se para poupar espaço", "重ねて収納できます", "Se apila para ahorrar espacio"},
    {"Vegan materials only", "Apenas materiais veganos", "ヴィーガン素材のみ使用", "Solo materiales veganos"},
    {"Low-noise operation", "Funcionamento silencioso", "静音設計", "Funcionamiento silencioso"},
    {"Adjustable to fit", "Ajustável", "サイズ調整可能", "Ajustable"},
    {"Comes with a carry pouch", "Inclui bolsa de transporte", "収納ポーチ付き", "Incluye funda de transporte"},
    {"Fragrance-free", "Sem perfume", "無香料", "Sin perfume"},
    {"Harvested by hand", "Colhido à mão", "手摘み", "Recolectado a mano"},
    {"Roasted to order", "Torrado por encomenda", "注文後に焙煎", "Tostado bajo pedido"},
    {"Cold-pressed", "Extraído a frio", "低温圧搾", "Prensado en frío"},
    {"Hand-sewn seams", "Costuras cosidas à mão", "手縫いの縫製", "Costuras cosidas a mano"},
    {"Printed with water-based inks", "Impresso com tintas à base de água", "水性インクで印刷",
      "Impreso con tintas al agua"},
    {"Tested for lead and cadmium", "Testado para chumbo e cádmio", "鉛・カドミウム検査済み",
      "Probado contra plomo y cadmio"},
    {"Carbon-neutral shipping", "Envio neutro em carbono", "カーボンニュートラル配送", "Envío neutro en carbono"},
    {"Repairable by design", "Concebido para ser reparado", "修理しやすい設計", "Diseñado para repararse"},
    {"Gets better with age", "Melhora com o tempo", "使うほどに味わいが増す", "Mejora con el tiempo"},
  };
}
