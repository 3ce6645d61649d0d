package dev.tradewind.identity.domain;

import dev.tradewind.identity.domain.AccountRules.Violation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The postal code of each destination country: whether an address needs one, its shape and the form it is
 * stored in. Shapes follow Google's address data (libaddressinput), narrowed where the postal service is
 * stricter: Dutch codes never end in SA, SD or SS, Indian PIN codes never start with 0, British inward codes
 * never use C, I, K, M, O or V. Each pattern describes the stored form; {@link #normalize} turns the usual ways
 * of typing a code (lower case, without or with a different separator) into it.
 */
public final class PostalCodeRules {
  public static final String FIELD = "postalCode";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
  private static final String THREE_TWO = "\\d{3} \\d{2}";
  private static final String THREE_TWO_SHAPE = "is 3 digits, a space and 2 digits";
  private static final String GB = "(?:GIR 0AA|(?:AB|AL|B|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW"
    + "|DA|DD|DE|DG|DH|DL|DN|DT|DY|E|EC|EH|EN|EX|FK|FY|G|GL|GY|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY"
    + "|L|LA|LD|LE|LL|LN|LS|LU|M|ME|MK|ML|N|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|S|SA|SE|SG|SK|SL|SM|SN"
    + "|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|W|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE)\\d[\\dA-Z]? \\d[ABD-HJLNP-UW-Z]{2})";

  private static final Map<String, Rule> RULES = Map.ofEntries(
    unchecked("AE", "an Emirati"),
    digits("AT", "an Austrian", 4, "1010"),
    digits("AU", "an Australian", 4, "2000"),
    digits("BE", "a Belgian", 4, "1000"),
    digits("BG", "a Bulgarian", 4, "1000"),
    shaped("BR", "a Brazilian", "\\d{5}-\\d{3}", "is 5 digits, a hyphen and 3 digits", "01310-100", separatedAt(5, "-")),
    shaped("CA", "a Canadian", "[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] \\d[ABCEGHJ-NPRSTV-Z]\\d",
      "is letter, digit, letter, a space, then digit, letter, digit", "K1A 0B1", separatedAt(3, " ")),
    digits("CH", "a Swiss", 4, "8001"),
    digits("CN", "a Chinese", 6, "100096"),
    digits("CY", "a Cypriot", 4, "2008"),
    shaped("CZ", "a Czech", THREE_TWO, THREE_TWO_SHAPE, "110 00", separatedAt(3, " ")),
    digits("DE", "a German", 5, "10115"),
    digits("DK", "a Danish", 4, "1050"),
    digits("EE", "an Estonian", 5, "10111"),
    digits("ES", "a Spanish", 5, "28013"),
    digits("FI", "a Finnish", 5, "00100"),
    digits("FR", "a French", 5, "75008"),
    shaped("GB", "a British", GB, "is an area and district, a space, then a digit and 2 letters", "SW1A 1AA",
      separatedAt(-3, " ")),
    shaped("GR", "a Greek", THREE_TWO, THREE_TWO_SHAPE, "105 57", separatedAt(3, " ")),
    digits("HR", "a Croatian", 5, "10000"),
    digits("HU", "a Hungarian", 4, "1051"),
    shaped("IE", "an Irish", "(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}",
      "(Eircode) is a routing key such as D02, a space and 4 letters or digits", "D02 X285", separatedAt(3, " ")),
    shaped("IN", "an Indian", "[1-9]\\d{5}", "has 6 digits, the first not 0", "110001", PostalCodeRules::withoutSpaces),
    digits("IT", "an Italian", 5, "00144"),
    shaped("JP", "a Japanese", "\\d{3}-\\d{4}", "is 3 digits, a hyphen and 4 digits", "100-0001", separatedAt(3, "-")),
    digits("KR", "a South Korean", 5, "03187"),
    shaped("LT", "a Lithuanian", "LT-\\d{5}", "is LT- and 5 digits", "LT-01100", prefixed("LT")),
    digits("LU", "a Luxembourgish", 4, "4750"),
    shaped("LV", "a Latvian", "LV-\\d{4}", "is LV- and 4 digits", "LV-1010", prefixed("LV")),
    shaped("MT", "a Maltese", "[A-Z]{3} \\d{2,4}", "is 3 letters, a space and 2 to 4 digits", "VLT 1117",
      separatedAt(3, " ")),
    digits("MX", "a Mexican", 5, "06000"),
    optional(digits("NG", "a Nigerian", 6, "100001")),
    shaped("NL", "a Dutch", "[1-9]\\d{3} (?!SA|SD|SS)[A-Z]{2}",
      "is 4 digits, a space and 2 letters other than SA, SD and SS", "1012 AB", separatedAt(4, " ")),
    digits("NO", "a Norwegian", 4, "0150"),
    digits("NZ", "a New Zealand", 4, "6011"),
    shaped("PL", "a Polish", "\\d{2}-\\d{3}", "is 2 digits, a hyphen and 3 digits", "00-950", separatedAt(2, "-")),
    shaped("PT", "a Portuguese", "\\d{4}-\\d{3}", "is 4 digits, a hyphen and 3 digits", "1000-001", separatedAt(4, "-")),
    digits("RO", "a Romanian", 6, "010011"),
    shaped("SE", "a Swedish", THREE_TWO, THREE_TWO_SHAPE, "114 55", separatedAt(3, " ")),
    digits("SG", "a Singaporean", 6, "018956"),
    digits("SI", "a Slovenian", 4, "1000"),
    shaped("SK", "a Slovak", THREE_TWO, THREE_TWO_SHAPE, "811 01", separatedAt(3, " ")),
    shaped("US", "a US", "\\d{5}(?:-\\d{4})?", "has 5 digits, or 5 digits, a hyphen and 4 more", "20500",
      separatedAt(5, "-")),
    digits("ZA", "a South African", 4, "8001"));

  private PostalCodeRules() {
  }

  /** Checks the code in its normalised form, so {@code sw1a1aa} passes as {@code SW1A 1AA}. */
  public static List<Violation> check(String country, String postalCode) {
    Rule rule = ruleFor(country);
    String code = normalize(country, postalCode);
    if (code == null) {
      return rule.required()
        ? List.of(new Violation(FIELD, "required", rule.name() + " address needs a postal code"))
        : List.of();
    }
    if (rule.format() != null && !rule.format().matcher(code).matches()) {
      return List.of(new Violation(FIELD, "format",
        rule.name() + " postal code " + rule.shape() + ", e.g. " + rule.example()));
    }
    return List.of();
  }

  /** The code in the country's stored form, or null when there is none. */
  public static String normalize(String country, String postalCode) {
    Rule rule = ruleFor(country);
    if (postalCode == null || postalCode.isBlank()) {
      return null;
    }
    // NFKC: buyers in Japan, China and Korea often type full-width digits, hyphens and spaces.
    String typed = Normalizer.normalize(postalCode, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    return rule.canonical().apply(WHITESPACE.matcher(typed).replaceAll(" "));
  }

  public static Set<String> countries() {
    return RULES.keySet();
  }

  /** A valid code in its stored form, as quoted in messages; null where codes are not checked. */
  public static String example(String country) {
    return ruleFor(country).example();
  }

  private static Rule ruleFor(String country) {
    Rule rule = country == null ? null : RULES.get(country.toUpperCase(Locale.ROOT));
    if (rule == null) {
      throw new IllegalArgumentException("no postal code rule for '" + country + "': not a destination country");
    }
    return rule;
  }

  private record Rule(String name, boolean required, Pattern format, String shape, String example,
                      UnaryOperator<String> canonical) {
  }

  private static Map.Entry<String, Rule> shaped(String country, String name, String regex, String shape,
                                                String example, UnaryOperator<String> canonical) {
    return Map.entry(country, new Rule(name, true, Pattern.compile(regex), shape, example, canonical));
  }

  private static Map.Entry<String, Rule> digits(String country, String name, int count, String example) {
    return shaped(country, name, "\\d{" + count + "}", "has " + count + " digits", example,
      PostalCodeRules::withoutSpaces);
  }

  private static Map.Entry<String, Rule> optional(Map.Entry<String, Rule> entry) {
    Rule r = entry.getValue();
    return Map.entry(entry.getKey(), new Rule(r.name(), false, r.format(), r.shape(), r.example(), r.canonical()));
  }

  /** Postal codes are not in common use there: whatever the buyer writes is kept, nothing is asked for. */
  private static Map.Entry<String, Rule> unchecked(String country, String name) {
    return Map.entry(country, new Rule(name, false, null, null, null, UnaryOperator.identity()));
  }

  private static String withoutSpaces(String code) {
    return code.replace(" ", "");
  }

  /** Separators taken out, then the country's own put in at {@code at}, counted from the end when negative. */
  private static UnaryOperator<String> separatedAt(int at, String separator) {
    return code -> {
      String compact = SEPARATORS.matcher(code).replaceAll("");
      int index = at < 0 ? compact.length() + at : at;
      return index > 0 && index < compact.length()
        ? compact.substring(0, index) + separator + compact.substring(index)
        : compact;
    };
  }

  /** The country prefix is part of the code (LV-1010); buyers often leave it out or type a space for the hyphen. */
  private static UnaryOperator<String> prefixed(String prefix) {
    return code -> {
      String compact = SEPARATORS.matcher(code).replaceAll("");
      return prefix + "-" + (compact.startsWith(prefix) ? compact.substring(prefix.length()) : compact);
    };
  }
}
