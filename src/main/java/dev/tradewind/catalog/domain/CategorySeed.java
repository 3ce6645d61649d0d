package dev.tradewind.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A category the platform starts with, named in the languages its first merchants and buyers use (en, pt, ja,
 * es). {@code parentSlug} is null for a top-level category. Merchants list products under leaf categories.
 */
public record CategorySeed(String slug, String parentSlug, Map<String, String> names) {

  public CategorySeed {
    names = Map.copyOf(names);
  }

  /** The starting tree, parents before their children. */
  public static List<CategorySeed> tree() {
    return TREE;
  }

  /** The categories that have no children: where products are listed. */
  public static List<CategorySeed> leaves() {
    Set<String> parents = TREE.stream().map(CategorySeed::parentSlug).collect(Collectors.toSet());
    return TREE.stream().filter(category -> !parents.contains(category.slug())).toList();
  }

  /** The slugs of {@link #leaves()}. */
  public static List<String> leafSlugs() {
    return leaves().stream().map(CategorySeed::slug).toList();
  }

  /** The name in {@code language}, or the English one where the tree has no translation. */
  public String name(String language) {
    return names.getOrDefault(language, names.get("en"));
  }

  private static final List<CategorySeed> TREE = build(
    top("home-textiles", "Home Textiles", "Têxteis-lar", "ホームテキスタイル", "Textiles para el hogar"),
    child("bed-linen", "Bed Linen", "Roupa de cama", "寝具カバー", "Ropa de cama"),
    child("bath-towels", "Bath Towels", "Toalhas de banho", "バスタオル", "Toallas de baño"),
    child("table-linen", "Table Linen", "Roupa de mesa", "テーブルリネン", "Mantelería"),
    child("throws", "Throws & Blankets", "Mantas", "ブランケット", "Mantas"),

    top("kitchen", "Kitchen & Dining", "Cozinha e mesa", "キッチン・食器", "Cocina y mesa"),
    child("knives", "Kitchen Knives", "Facas de cozinha", "包丁", "Cuchillos de cocina"),
    child("tableware", "Tableware", "Louça de mesa", "食器", "Vajilla"),
    child("cookware", "Cookware", "Tachos e panelas", "調理器具", "Menaje de cocina"),
    child("tea", "Tea", "Chá", "お茶", "Té"),

    top("audio", "Audio", "Áudio", "オーディオ", "Audio"),
    child("headphones", "Headphones", "Auscultadores", "ヘッドホン", "Auriculares"),
    child("speakers", "Speakers", "Colunas", "スピーカー", "Altavoces"),
    child("turntables", "Turntables", "Gira-discos", "レコードプレーヤー", "Tocadiscos"),
    child("amplifiers", "Amplifiers", "Amplificadores", "アンプ", "Amplificadores"),
    child("cables", "Audio Cables", "Cabos de áudio", "オーディオケーブル", "Cables de audio"),

    top("fashion", "Fashion", "Moda", "ファッション", "Moda"),
    child("scarves", "Scarves", "Lenços e cachecóis", "スカーフ・マフラー", "Pañuelos y bufandas"),
    child("shirts", "Shirts", "Camisas", "シャツ", "Camisas"),
    child("accessories", "Accessories", "Acessórios", "ファッション小物", "Complementos"),

    top("bags", "Bags & Travel", "Malas e viagem", "バッグ・トラベル", "Bolsos y viaje"),
    child("tote-bags", "Tote Bags", "Sacos de compras", "トートバッグ", "Bolsas tote"),
    child("backpacks", "Backpacks", "Mochilas", "リュックサック", "Mochilas"),

    top("stationery", "Stationery", "Papelaria", "文房具", "Papelería"),
    child("notebooks", "Notebooks", "Cadernos", "ノート", "Cuadernos"),
    child("pens", "Pens & Brushes", "Canetas e pincéis", "ペン・筆", "Bolígrafos y pinceles"),
    child("letter-sets", "Letter Sets", "Conjuntos de carta", "レターセット", "Juegos de cartas"),

    top("toys", "Toys & Games", "Brinquedos e jogos", "おもちゃ・ゲーム", "Juguetes y juegos"),
    child("wooden-toys", "Wooden Toys", "Brinquedos de madeira", "木のおもちゃ", "Juguetes de madera"),
    child("puzzles", "Puzzles", "Puzzles", "パズル", "Puzles"),

    top("home-decor", "Home Decor", "Decoração", "インテリア雑貨", "Decoración"),
    child("vases", "Vases", "Jarras e vasos", "花瓶", "Jarrones"),
    child("candles", "Candles", "Velas", "キャンドル", "Velas"),
    child("lighting", "Lighting", "Iluminação", "照明", "Iluminación"),

    top("beauty", "Beauty & Care", "Beleza e cuidado", "ビューティー・ケア", "Belleza y cuidado"),
    child("soaps", "Soaps", "Sabonetes", "石けん", "Jabones"),
    child("skincare", "Skincare", "Cuidados de pele", "スキンケア", "Cuidado de la piel"),

    top("food", "Food & Pantry", "Mercearia", "食品", "Alimentación"),
    child("coffee", "Coffee", "Café", "コーヒー", "Café"),
    child("olive-oil", "Olive Oil", "Azeite", "オリーブオイル", "Aceite de oliva"),
    child("preserves", "Preserves", "Conservas", "保存食", "Conservas"));

  /** One line of the table above: a top-level category opens a group, the children that follow belong to it. */
  private record Line(boolean top, String slug, Map<String, String> names) {
  }

  private static Line top(String slug, String en, String pt, String ja, String es) {
    return new Line(true, slug, Map.of("en", en, "pt", pt, "ja", ja, "es", es));
  }

  private static Line child(String slug, String en, String pt, String ja, String es) {
    return new Line(false, slug, Map.of("en", en, "pt", pt, "ja", ja, "es", es));
  }

  private static List<CategorySeed> build(Line... lines) {
    List<CategorySeed> tree = new ArrayList<>();
    String parent = null;
    for (Line line : lines) {
      parent = line.top() ? line.slug() : parent;
      tree.add(new CategorySeed(line.slug(), line.top() ? null : parent, line.names()));
    }
    return List.copyOf(tree);
  }
}
