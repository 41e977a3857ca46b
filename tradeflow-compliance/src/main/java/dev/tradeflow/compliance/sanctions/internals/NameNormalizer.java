package dev.tradeflow.compliance.sanctions.internals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings a name to the form both sides of a comparison share: Latin capitals without diacritics,
 * punctuation gone ({@code S.A.} → {@code SA}, {@code AL-QAIDA} → {@code AL QAIDA}), runs of single
 * letters joined ({@code J P MORGAN} → {@code JP MORGAN}), legal-form words and THE dropped, and a
 * listed {@code LAST, First} turned into {@code First LAST}.
 */
public final class NameNormalizer {

  /** Words that say what kind of company it is, not which one. */
  static final Set<String> LEGAL_FORMS =
      Set.of(
          "LTD",
          "LIMITED",
          "LLC",
          "LLP",
          "LP",
          "INC",
          "INCORPORATED",
          "CORP",
          "CORPORATION",
          "CO",
          "COMPANY",
          "PLC",
          "GMBH",
          "AG",
          "KG",
          "SA",
          "SAS",
          "SARL",
          "SPA",
          "SRL",
          "SL",
          "BV",
          "NV",
          "AB",
          "OY",
          "PTE",
          "PTY",
          "PJSC",
          "OJSC",
          "CJSC",
          "JSC",
          "OAO",
          "ZAO",
          "OOO",
          "PAO",
          "FZE",
          "FZCO",
          "FZC",
          "FZ",
          "DMCC",
          "WLL",
          "SAL",
          "KFT",
          "SDN",
          "BHD",
          "TBK",
          "CIA",
          "LTDA",
          "SE",
          "SAC",
          "SCA",
          "SAPI",
          "CV",
          "EIRL",
          "AS",
          "AO",
          "PVT",
          "PRIVATE");

  /** Words dropped like legal forms because they never tell two parties apart. */
  static final Set<String> NOISE = Set.of("THE");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern JOINING = Pattern.compile("['.`’]");
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");

  private NameNormalizer() {}

  /**
   * The letters of a name that cannot be compared with the list's Latin spellings (Cyrillic,
   * Arabic, CJK…): a name holding any is not screened by its words alone.
   */
  public static String unscreenableLetters(String name) {
    StringBuilder letters = new StringBuilder();
    for (char c : foldToAscii(name).toCharArray()) {
      if (Character.isLetter(c) && c > 0x7f) {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  /** The name's words, normalized, in reading order; Latin letters and digits only. */
  public static List<String> tokens(String name) {
    String text = foldToAscii(reorder(name)).toUpperCase(Locale.ROOT);
    text = SEPARATORS.matcher(JOINING.matcher(text).replaceAll("")).replaceAll(" ").strip();
    List<String> words = joinSingleLetters(text.isEmpty() ? List.of() : List.of(text.split(" ")));
    List<String> kept = new ArrayList<>(words.size());
    for (String word : words) {
      if (!LEGAL_FORMS.contains(word) && !NOISE.contains(word)) {
        kept.add(word);
      }
    }
    // A name that is nothing but legal-form words ("LTD") keeps them rather than vanishing.
    return kept.isEmpty() ? words : kept;
  }

  /**
   * OFAC lists people as {@code LAST, First Middle}; a bank's records say {@code First Last}. One
   * comma with a real name after it is that form; "X CO., LTD." is not (only a legal form follows).
   */
  static String reorder(String name) {
    int comma = name.indexOf(',');
    if (comma < 0 || name.indexOf(',', comma + 1) >= 0) {
      return name;
    }
    String after = name.substring(comma + 1).strip();
    String normalizedAfter =
        SEPARATORS
            .matcher(JOINING.matcher(foldToAscii(after).toUpperCase(Locale.ROOT)).replaceAll(""))
            .replaceAll(" ")
            .strip();
    boolean onlyLegalForms =
        normalizedAfter.isEmpty()
            || List.of(normalizedAfter.split(" ")).stream().allMatch(LEGAL_FORMS::contains);
    return onlyLegalForms ? name : after + " " + name.substring(0, comma);
  }

  /** Diacritics off, and the Latin letters that do not decompose spelled as they are written. */
  static String foldToAscii(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (char c : MARKS.matcher(decomposed).replaceAll("").toCharArray()) {
      switch (c) {
        case 'ß':
          folded.append("ss");
          break;
        case 'æ':
        case 'Æ':
          folded.append("ae");
          break;
        case 'œ':
        case 'Œ':
          folded.append("oe");
          break;
        case 'ø':
        case 'Ø':
          folded.append('o');
          break;
        case 'ł':
        case 'Ł':
          folded.append('l');
          break;
        case 'đ':
        case 'Đ':
          folded.append('d');
          break;
        case 'ı':
          folded.append('i');
          break;
        case 'þ':
        case 'Þ':
          folded.append("th");
          break;
        default:
          folded.append(c);
      }
    }
    return folded.toString();
  }

  private static List<String> joinSingleLetters(List<String> words) {
    List<String> joined = new ArrayList<>(words.size());
    StringBuilder letters = new StringBuilder();
    for (String word : words) {
      if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
        letters.append(word);
        continue;
      }
      if (letters.length() > 0) {
        joined.add(letters.toString());
        letters.setLength(0);
      }
      joined.add(word);
    }
    if (letters.length() > 0) {
      joined.add(letters.toString());
    }
    return joined;
  }
}
