package dev.tradeflow.compliance.sanctions.internals;

import dev.tradeflow.compliance.sanctions.Identifier;
import dev.tradeflow.compliance.sanctions.ListedEntry;
import dev.tradeflow.compliance.sanctions.NameVariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name variant on the list, tokenized once and indexed so that a query is scored against a
 * few hundred likely names instead of all of them.
 *
 * <p>Candidates: each token of three letters or more is filed under itself, its first three
 * letters, its last three and its consonant skeleton (vowels, H and W dropped, repeats collapsed:
 * MOHAMMED and MUHAMMAD are both MD, USAMA and OSAMA both SM), so a typo or a transliteration still
 * shares a key. Each key a name shares with a query token adds that token's weight; names with at
 * least {@value #MIN_SHARED_WEIGHT} of the query's weight are ranked by it and the best {@value
 * #MAX_CANDIDATES} are scored.
 *
 * <p>Score: tokens are paired greedily by Jaro-Winkler similarity (pairs under {@value
 * #TOKEN_FLOOR} count as unmatched), each token weighted by its rarity on the list (inverse
 * document frequency: "MOHAMMED" and "BANK" say little, "LADIN" a lot). The score is the weighted
 * Dice coefficient of the two token sets, or, where the shorter name is wholly found in the longer
 * one (a missing middle name), its weighted coverage; coverage counts fully only for a shorter name
 * with enough information in it ({@value #INFORMATIVE_WEIGHT}), so that "Mohammed Ali" does not
 * match every Mohammed Ali on the list.
 *
 * <p>Speed: listed tokens are interned in a dictionary, and a query token's similarity to a
 * dictionary token is computed once per query (names share most of their words).
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
  private final int[][] nameTokens;
  private final float[] nameTotal;
  private final Map<String, Integer> tokenIds;
  private final char[][] dictionary;
  private final byte[][] letterCounts;
  private final float[] tokenWeight;
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
    tokenIds = new HashMap<>(documentFrequency.size() * 2);
    dictionary = new char[documentFrequency.size()][];
    letterCounts = new byte[documentFrequency.size()][];
    tokenWeight = new float[documentFrequency.size()];
    documentFrequency.forEach(
        (token, df) -> {
          int id = tokenIds.size();
          tokenIds.put(token, id);
          dictionary[id] = token.toCharArray();
          letterCounts[id] = letterCounts(dictionary[id]);
          tokenWeight[id] = idf(count, df);
        });
    unknownTokenWeight = idf(count, 1);
    nameEntry = new int[count];
    nameVariant = new int[count];
    nameTokens = new int[count][];
    nameTotal = new float[count];
    Map<String, List<Integer>> keyed = new HashMap<>();
    for (int n = 0; n < count; n++) {
      nameEntry[n] = refs.get(n)[0];
      nameVariant[n] = refs.get(n)[1];
      List<String> tokens = tokenized.get(n);
      nameTokens[n] = new int[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        int id = tokenIds.get(tokens.get(t));
        nameTokens[n][t] = id;
        nameTotal[n] += tokenWeight[id];
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
    scratch = ThreadLocal.withInitial(() -> new Scratch(count, dictionary.length));
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
    Query query = new Query(queryTokens);
    Scratch s = scratch.get();
    s.startQuery(query.tokens.length);
    try {
      for (int t = 0; t < query.tokens.length; t++) {
        for (String key : keys(queryTokens.get(t))) {
          int[] names = postings.get(key);
          if (names == null) {
            continue;
          }
          for (int n : names) {
            if (s.shared[n] == 0) {
              s.touched[s.touchedCount++] = n;
            }
            s.shared[n] += query.weights[t];
          }
        }
      }
      // One key in common per token for 30% of the query's weight, or more keys for less of it.
      int candidates = s.selectBest((float) (MIN_SHARED_WEIGHT * query.total), MAX_CANDIDATES);
      Map<Integer, NameScore> byEntry = new HashMap<>();
      for (int i = 0; i < candidates; i++) {
        int n = s.heap[i];
        double score = score(query, n, s);
        if (score >= minimum) {
          NameScore candidate = new NameScore(nameEntry[n], nameVariant[n], score);
          byEntry.merge(nameEntry[n], candidate, (a, b) -> a.score() >= b.score() ? a : b);
        }
      }
      return new ArrayList<>(byEntry.values());
    } finally {
      s.endQuery();
    }
  }

  /** A query's tokens with their dictionary ids (-1 if unlisted) and weights. */
  private final class Query {
    final char[][] tokens;
    final byte[][] letters;
    final int[] ids;
    final float[] weights;
    final float total;

    Query(List<String> words) {
      tokens = new char[words.size()][];
      letters = new byte[words.size()][];
      ids = new int[words.size()];
      weights = new float[words.size()];
      float sum = 0;
      for (int t = 0; t < tokens.length; t++) {
        tokens[t] = words.get(t).toCharArray();
        letters[t] = letterCounts(tokens[t]);
        Integer id = tokenIds.get(words.get(t));
        ids[t] = id == null ? -1 : id;
        weights[t] = id == null ? unknownTokenWeight : tokenWeight[id];
        sum += weights[t];
      }
      total = sum;
    }
  }

  private double score(Query query, int name, Scratch s) {
    int[] listed = nameTokens[name];
    int queryLength = query.tokens.length;
    double[][] similarity = s.pairs(queryLength, listed.length);
    for (int q = 0; q < queryLength; q++) {
      for (int l = 0; l < listed.length; l++) {
        similarity[q][l] = s.similarity(q, query, listed[l], this);
      }
    }
    boolean[] queryUsed = s.queryUsed;
    boolean[] listedUsed = s.listedUsed(listed.length);
    Arrays.fill(queryUsed, 0, queryLength, false);
    double queryTotal = query.total;
    double matchedQuery = 0;
    double matchedListed = 0;
    while (true) {
      int bestQ = -1;
      int bestL = -1;
      double best = 0;
      for (int q = 0; q < queryLength; q++) {
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
      double listedWeight = tokenWeight[listed[bestL]];
      double weight = query.ids[bestQ] < 0 ? listedWeight : query.weights[bestQ];
      queryTotal += weight - query.weights[bestQ];
      matchedQuery += best * weight;
      matchedListed += best * listedWeight;
    }
    double listedTotal = nameTotal[name];
    // The sums are added in different orders, so a whole match can come out a hair over 1.
    double dice = Math.min(1.0, (matchedQuery + matchedListed) / (queryTotal + listedTotal));
    boolean queryShorter =
        queryLength < listed.length || (queryLength == listed.length && queryTotal <= listedTotal);
    double shorterTotal = queryShorter ? queryTotal : listedTotal;
    double shorterMatched = queryShorter ? matchedQuery : matchedListed;
    int shorterTokens = queryShorter ? queryLength : listed.length;
    if (shorterTokens < 2) {
      return dice;
    }
    double coverage =
        COVERAGE_FACTOR
            * (shorterMatched / shorterTotal)
            * Math.min(1.0, shorterTotal / INFORMATIVE_WEIGHT);
    return Math.min(1.0, Math.max(dice, coverage));
  }

  /**
   * How similar a query token is to a dictionary token, 0 under the floor. Most pairs share too few
   * letters to reach the floor, which their letter counts show without running Jaro-Winkler.
   */
  private double similarity(Query query, int q, int token, boolean[] flags) {
    if (query.ids[q] == token) {
      return 1.0;
    }
    char[] word = query.tokens[q];
    char[] listed = dictionary[token];
    int common = 0;
    byte[] a = query.letters[q];
    byte[] b = letterCounts[token];
    for (int c = 0; c < a.length; c++) {
      common += Math.min(a[c], b[c]);
    }
    if (JaroWinkler.upperBound(word.length, listed.length, common) < TOKEN_FLOOR) {
      return 0.0;
    }
    boolean[] working =
        flags.length >= word.length + listed.length
            ? flags
            : new boolean[word.length + listed.length];
    double sim = JaroWinkler.similarity(word, listed, working);
    return sim >= TOKEN_FLOOR ? sim : 0.0;
  }

  /** How often each of A-Z and 0-9 occurs in a token (normalized tokens hold nothing else). */
  private static byte[] letterCounts(char[] token) {
    byte[] counts = new byte[36];
    for (char c : token) {
      int slot = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '0' && c <= '9' ? 26 + c - '0' : -1;
      if (slot >= 0 && counts[slot] < Byte.MAX_VALUE) {
        counts[slot]++;
      }
    }
    return counts;
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

  /**
   * Per-thread working memory, so that a search allocates almost nothing: the shared-key
   * accumulators (reset by walking only what a search touched), a heap of the best candidates, and
   * each query token's similarity to each dictionary token, valid for the current query only.
   */
  private static final class Scratch {
    final float[] shared;
    final int[] touched;
    final int[] heap = new int[MAX_CANDIDATES];
    int touchedCount;
    final int dictionarySize;
    float[][] similarity = new float[0][];
    int[][] computedIn = new int[0][];
    int query;
    double[][] pairs = new double[16][64];
    boolean[] queryUsed = new boolean[16];
    boolean[] listedUsed = new boolean[64];
    boolean[] flags = new boolean[256];

    Scratch(int names, int dictionarySize) {
      shared = new float[names];
      touched = new int[names];
      this.dictionarySize = dictionarySize;
    }

    void startQuery(int queryTokens) {
      query++;
      if (similarity.length < queryTokens) {
        similarity = Arrays.copyOf(similarity, queryTokens);
        computedIn = Arrays.copyOf(computedIn, queryTokens);
        for (int t = 0; t < queryTokens; t++) {
          if (similarity[t] == null) {
            similarity[t] = new float[dictionarySize];
            computedIn[t] = new int[dictionarySize];
          }
        }
      }
      if (queryUsed.length < queryTokens) {
        queryUsed = new boolean[queryTokens];
      }
    }

    void endQuery() {
      for (int i = 0; i < touchedCount; i++) {
        shared[touched[i]] = 0;
      }
      touchedCount = 0;
    }

    /** A query token's similarity to a dictionary token, computed once per query. */
    double similarity(int q, Query query, int token, SanctionsIndex index) {
      if (computedIn[q][token] != this.query) {
        similarity[q][token] = (float) index.similarity(query, q, token, flags);
        computedIn[q][token] = this.query;
      }
      return similarity[q][token];
    }

    double[][] pairs(int rows, int columns) {
      if (pairs.length < rows || pairs[0].length < columns) {
        pairs = new double[Math.max(rows, pairs.length)][Math.max(columns, pairs[0].length)];
      }
      return pairs;
    }

    boolean[] listedUsed(int length) {
      if (listedUsed.length < length) {
        listedUsed = new boolean[length];
      }
      Arrays.fill(listedUsed, 0, length, false);
      return listedUsed;
    }

    /**
     * Puts the (at most {@code limit}) touched names with the most shared weight, at least {@code
     * floor}, into {@code heap[0..count)}; a min-heap on shared weight, so the weakest is replaced.
     */
    int selectBest(float floor, int limit) {
      int size = 0;
      for (int i = 0; i < touchedCount; i++) {
        int n = touched[i];
        float weight = shared[n];
        if (weight < floor) {
          continue;
        }
        if (size < limit) {
          heap[size] = n;
          siftUp(size++);
        } else if (weight > shared[heap[0]]) {
          heap[0] = n;
          siftDown(0, size);
        }
      }
      return size;
    }

    private void siftUp(int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (shared[heap[parent]] <= shared[heap[i]]) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void siftDown(int i, int size) {
      while (true) {
        int smallest = i;
        int left = 2 * i + 1;
        int right = left + 1;
        if (left < size && shared[heap[left]] < shared[heap[smallest]]) {
          smallest = left;
        }
        if (right < size && shared[heap[right]] < shared[heap[smallest]]) {
          smallest = right;
        }
        if (smallest == i) {
          return;
        }
        swap(i, smallest);
        i = smallest;
      }
    }

    private void swap(int a, int b) {
      int held = heap[a];
      heap[a] = heap[b];
      heap[b] = held;
    }
  }
}
