package dev.tradeflow.compliance.sanctions.internals;

import dev.tradeflow.compliance.sanctions.Identifier;
import dev.tradeflow.compliance.sanctions.ListedEntry;
import dev.tradeflow.compliance.sanctions.NameVariant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Every name variant on the list, tokenized once and indexed so that a query is scored against a
 * few hundred likely names instead of all of them.
 *
 * <p>Candidates: each token of length three or more is filed under its first three letters and
 * under its consonant skeleton (vowels and H dropped, repeats collapsed: MOHAMMED and MUHAMMAD are
 * both MD, USAMA and OSAMA both SM), so a typo or a transliteration still shares a key. Names
 * sharing keys with at least {@value #MIN_SHARED_WEIGHT} of the query's weight are ranked by that
 * shared weight and the best {@value #MAX_CANDIDATES} are scored.
 *
 * <p>Score: tokens are paired greedily by Jaro-Winkler similarity (pairs under {@value
 * #TOKEN_FLOOR} count as unmatched), each token weighted by its rarity on the list (inverse
 * document frequency: "MOHAMMED" and "BANK" say little, "LADIN" a lot). The score is the weighted
 * Dice coefficient of the two token sets, or, where the shorter name is wholly found in the longer
 * one (a missing middle name), its weighted coverage; coverage counts fully only for a shorter name
 * with enough information in it ({@value #INFORMATIVE_WEIGHT}), so that "Mohammed Ali" does not
 * match every Mohammed Ali on the list.
 */
public final class SanctionsIndex {

  static final double TOKEN_FLOOR = 0.80;
  static final double MIN_SHARED_WEIGHT = 0.3;
  static final int MAX_CANDIDATES = 300;
  static final double COVERAGE_FACTOR = 0.92;
  static final double INFORMATIVE_WEIGHT = 14.0;

  private final List<ListedEntry> entries;
  private final int[] nameEntry;
  private final int[] nameVariant;
  private final char[][][] nameTokens;
  private final float[][] nameWeights;
  private final float[] nameTotal;
  private final Map<String, Float> tokenWeights;
  private final float unknownTokenWeight;
  private final Map<String, int[]> postings;
  private final Map<Identifier, int[]> entriesByIdentifier;
  private final ThreadLocal<Scratch> scratch;

  private SanctionsIndex(List<ListedEntry> entries) {
    this.entries = List.copyOf(entries);
    List<int[]> refs = new ArrayList<>();
    List<List<String>> tokenized = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      List<NameVariant> names = entries.get(e).names();
      for (int v = 0; v < names.size(); v++) {
        List<String> tokens = NameNormalizer.tokens(names.get(v).name());
        if (tokens.isEmpty()) {
          continue;
        }
        refs.add(new int[] {e, v});
        tokenized.add(tokens);
        tokens.stream().distinct().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      }
    }
    int count = refs.size();
    tokenWeights = new HashMap<>(documentFrequency.size() * 2);
    documentFrequency.forEach((token, df) -> tokenWeights.put(token, idf(count, df)));
    unknownTokenWeight = idf(count, 1);
    nameEntry = new int[count];
    nameVariant = new int[count];
    nameTokens = new char[count][][];
    nameWeights = new float[count][];
    nameTotal = new float[count];
    Map<String, List<Integer>> keyed = new HashMap<>();
    for (int n = 0; n < count; n++) {
      nameEntry[n] = refs.get(n)[0];
      nameVariant[n] = refs.get(n)[1];
      List<String> tokens = tokenized.get(n);
      nameTokens[n] = new char[tokens.size()][];
      nameWeights[n] = new float[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        nameTokens[n][t] = tokens.get(t).toCharArray();
        nameWeights[n][t] = tokenWeights.get(tokens.get(t));
        nameTotal[n] += nameWeights[n][t];
        for (String key : keys(tokens.get(t))) {
          List<Integer> names = keyed.computeIfAbsent(key, k -> new ArrayList<>());
          if (names.isEmpty() || names.get(names.size() - 1) != n) {
            names.add(n);
          }
        }
      }
    }
    postings = new HashMap<>(keyed.size() * 2);
    keyed.forEach((key, names) -> postings.put(key, names.stream().mapToInt(i -> i).toArray()));
    Map<Identifier, List<Integer>> byIdentifier = new HashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      for (Identifier id : entries.get(e).identifiers()) {
        byIdentifier.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
      }
    }
    entriesByIdentifier = new HashMap<>();
    byIdentifier.forEach(
        (id, list) -> entriesByIdentifier.put(id, list.stream().mapToInt(i -> i).toArray()));
    scratch = ThreadLocal.withInitial(() -> new Scratch(count));
  }

  public static SanctionsIndex build(List<ListedEntry> entries) {
    return new SanctionsIndex(entries);
  }

  public List<ListedEntry> entries() {
    return entries;
  }

  /** The entries listing an identifier (exact match). */
  public int[] entriesWith(Identifier identifier) {
    return entriesByIdentifier.getOrDefault(identifier, new int[0]);
  }

  /** A name's score against one listed name variant, and which variant that is. */
  public record NameScore(int entry, int variant, double score) {}

  /**
   * The best-scoring variant of each candidate entry for a query's tokens, at or above {@code
   * minimum}, in no particular order.
   */
  public List<NameScore> search(List<String> queryTokens, double minimum) {
    if (queryTokens.isEmpty()) {
      return List.of();
    }
    char[][] query = new char[queryTokens.size()][];
    float[] weights = new float[queryTokens.size()];
    boolean[] unknown = new boolean[queryTokens.size()];
    float total = 0;
    for (int t = 0; t < query.length; t++) {
      query[t] = queryTokens.get(t).toCharArray();
      Float weight = tokenWeights.get(queryTokens.get(t));
      unknown[t] = weight == null;
      weights[t] = unknown[t] ? unknownTokenWeight : weight;
      total += weights[t];
    }
    Scratch s = scratch.get();
    try {
      for (int t = 0; t < query.length; t++) {
        for (String key : keys(queryTokens.get(t))) {
          int[] names = postings.get(key);
          if (names == null) {
            continue;
          }
          for (int n : names) {
            if (s.shared[n] == 0) {
              s.touched[s.touchedCount++] = n;
            }
            s.shared[n] += weights[t];
          }
        }
      }
      PriorityQueue<Integer> best =
          new PriorityQueue<>(
              MAX_CANDIDATES + 1, (a, b) -> Float.compare(s.shared[a], s.shared[b]));
      // One key in common per token for 30% of the query's weight, or more keys for less of it.
      float floor = (float) (MIN_SHARED_WEIGHT * total);
      for (int i = 0; i < s.touchedCount; i++) {
        int n = s.touched[i];
        if (s.shared[n] < floor) {
          continue;
        }
        best.add(n);
        if (best.size() > MAX_CANDIDATES) {
          best.poll();
        }
      }
      Map<Integer, NameScore> byEntry = new HashMap<>();
      for (int n : best) {
        double score = score(query, weights, unknown, total, n);
        if (score >= minimum) {
          NameScore candidate = new NameScore(nameEntry[n], nameVariant[n], score);
          byEntry.merge(nameEntry[n], candidate, (a, b) -> a.score() >= b.score() ? a : b);
        }
      }
      return new ArrayList<>(byEntry.values());
    } finally {
      s.reset();
    }
  }

  private double score(
      char[][] query, float[] queryWeights, boolean[] unknown, double queryTotal, int name) {
    char[][] listed = nameTokens[name];
    float[] listedWeights = nameWeights[name];
    double[][] similarity = new double[query.length][listed.length];
    for (int q = 0; q < query.length; q++) {
      for (int l = 0; l < listed.length; l++) {
        double sim = JaroWinkler.similarity(query[q], listed[l]);
        similarity[q][l] = sim >= TOKEN_FLOOR ? sim : 0.0;
      }
    }
    boolean[] queryUsed = new boolean[query.length];
    boolean[] listedUsed = new boolean[listed.length];
    double matchedQuery = 0;
    double matchedListed = 0;
    while (true) {
      int bestQ = -1;
      int bestL = -1;
      double best = 0;
      for (int q = 0; q < query.length; q++) {
        if (queryUsed[q]) {
          continue;
        }
        for (int l = 0; l < listed.length; l++) {
          if (!listedUsed[l] && similarity[q][l] > best) {
            best = similarity[q][l];
            bestQ = q;
            bestL = l;
          }
        }
      }
      if (bestQ < 0) {
        break;
      }
      queryUsed[bestQ] = true;
      listedUsed[bestL] = true;
      // A word the list does not hold (a typo, another spelling) weighs what the word it stands
      // for weighs, not the most a word can: "Luis Flooores" says no more than "Luis Flores".
      double weight = unknown[bestQ] ? listedWeights[bestL] : queryWeights[bestQ];
      queryTotal += weight - queryWeights[bestQ];
      matchedQuery += best * weight;
      matchedListed += best * listedWeights[bestL];
    }
    double listedTotal = nameTotal[name];
    double dice = (matchedQuery + matchedListed) / (queryTotal + listedTotal);
    boolean queryShorter =
        query.length < listed.length
            || (query.length == listed.length && queryTotal <= listedTotal);
    double shorterTotal = queryShorter ? queryTotal : listedTotal;
    double shorterMatched = queryShorter ? matchedQuery : matchedListed;
    int shorterTokens = queryShorter ? query.length : listed.length;
    if (shorterTokens < 2) {
      return dice;
    }
    double coverage =
        COVERAGE_FACTOR
            * (shorterMatched / shorterTotal)
            * Math.min(1.0, shorterTotal / INFORMATIVE_WEIGHT);
    return Math.max(dice, coverage);
  }

  private static float idf(int names, int documentFrequency) {
    return (float) Math.log(1.0 + (double) names / documentFrequency);
  }

  /**
   * The blocking keys of a token: the token itself, its first three letters, its last three and its
   * consonant skeleton. A token shorter than three letters has none (AL, BIN and initials would
   * make every name a candidate).
   */
  static List<String> keys(String token) {
    if (token.length() < 3) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(4);
    keys.add("W" + token);
    keys.add("P" + token.substring(0, 3));
    keys.add("X" + token.substring(token.length() - 3));
    String skeleton = skeleton(token);
    if (skeleton.length() >= 2) {
      keys.add("S" + skeleton);
    }
    return keys;
  }

  static String skeleton(String token) {
    StringBuilder skeleton = new StringBuilder(4);
    char previous = 0;
    for (int i = 0; i < token.length() && skeleton.length() < 4; i++) {
      char c = token.charAt(i);
      if ("AEIOUYHW".indexOf(c) >= 0) {
        continue;
      }
      if (c != previous) {
        skeleton.append(c);
      }
      previous = c;
    }
    return skeleton.toString();
  }

  /** Per-thread accumulators, reset after each search by walking only what it touched. */
  private static final class Scratch {
    final float[] shared;
    final int[] touched;
    int touchedCount;

    Scratch(int names) {
      shared = new float[names];
      touched = new int[names];
    }

    void reset() {
      for (int i = 0; i < touchedCount; i++) {
        shared[touched[i]] = 0;
      }
      touchedCount = 0;
    }
  }
}
