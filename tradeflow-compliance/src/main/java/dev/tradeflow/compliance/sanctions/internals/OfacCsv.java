package dev.tradeflow.compliance.sanctions.internals;

import dev.tradeflow.compliance.internals.CountryNames;
import dev.tradeflow.compliance.sanctions.Identifier;
import dev.tradeflow.compliance.sanctions.ListVersion;
import dev.tradeflow.compliance.sanctions.ListedEntry;
import dev.tradeflow.compliance.sanctions.ListingId;
import dev.tradeflow.compliance.sanctions.NameVariant;
import dev.tradeflow.compliance.sanctions.PartyType;
import dev.tradeflow.compliance.sanctions.SanctionsListException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OFAC's legacy CSV layout ({@code sdn.csv}, {@code alt.csv}, {@code add.csv}; no header,
 * {@code -0-} for empty, quoted fields, CRLF lines, a trailing DOS end-of-file byte). Any line that
 * does not fit fails the whole load with its file and line number: a half-read list would screen
 * against less than the bank thinks it does.
 */
public final class OfacCsv {

  public static final List<String> FILES = List.of("sdn.csv", "alt.csv", "add.csv");

  private static final String SNAPSHOT = "/dev/tradeflow/compliance/sanctions/ofac/";

  private static final Pattern BIC_REMARK =
      Pattern.compile("SWIFT/BIC ([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)");
  private static final Pattern IMO_REMARK = Pattern.compile("IMO ([0-9]{7})\\b");

  private OfacCsv() {}

  /** The snapshot bundled with Tradeflow (see its README in the resources). */
  public static Loaded readSnapshot() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      try (InputStream in = OfacCsv.class.getResourceAsStream(SNAPSHOT + name)) {
        if (in == null) {
          throw new SanctionsListException("the bundled list is missing " + SNAPSHOT + name);
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new SanctionsListException("cannot read the bundled list: " + e.getMessage(), e);
      }
    }
    return parse(files);
  }

  /** The list in {@code dir}, with the version its bytes define. */
  public static Loaded read(Path dir) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      try {
        files.put(name, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new SanctionsListException(
            "cannot read the sanctions list file "
                + file.toAbsolutePath()
                + " (set compliance.sanctions-dir to a directory holding sdn.csv, alt.csv and"
                + " add.csv in OFAC's CSV layout): "
                + e.getMessage(),
            e);
      }
    }
    return parse(files);
  }

  private static Loaded parse(Map<String, byte[]> files) {
    Map<Integer, Builder> entries = new LinkedHashMap<>();
    for (Row row : rows("sdn.csv", files.get("sdn.csv"), 12)) {
      Builder entry = new Builder(row.id(), row.field(1), type(row), row.field(3), row.field(11));
      if (entries.put(entry.number, entry) != null) {
        throw row.error("entry " + entry.number + " appears twice");
      }
    }
    int aliases = 0;
    for (Row row : rows("alt.csv", files.get("alt.csv"), 5)) {
      entryOf(entries, row).aliases.add(new NameVariant(row.field(3), aliasKind(row)));
      aliases++;
    }
    for (Row row : rows("add.csv", files.get("add.csv"), 6)) {
      CountryNames.codeOf(row.field(4)).ifPresent(entryOf(entries, row).countries::add);
    }
    List<ListedEntry> listed = new ArrayList<>(entries.size());
    for (Builder builder : entries.values()) {
      listed.add(builder.build());
    }
    return new Loaded(
        listed, new ListVersion(sha256(files), listed.size(), aliases, Instant.now()));
  }

  /** The entries in file order, and the version they came from. */
  public record Loaded(List<ListedEntry> entries, ListVersion version) {}

  private static Builder entryOf(Map<Integer, Builder> entries, Row row) {
    Builder entry = entries.get(row.id());
    if (entry == null) {
      throw row.error("entry " + row.id() + " is not in sdn.csv");
    }
    return entry;
  }

  private static PartyType type(Row row) {
    String type = row.field(2);
    return type.isEmpty() ? PartyType.ENTITY : PartyType.parse(type);
  }

  private static NameVariant.Kind aliasKind(Row row) {
    try {
      return NameVariant.Kind.valueOf(row.field(2).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw row.error("alias type is aka, fka or nka: " + row.field(2));
    }
  }

  private static String sha256(Map<String, byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.values().forEach(digest::update);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static final class Builder {
    final int number;
    final String name;
    final PartyType type;
    final List<String> programs;
    final String remarks;
    final List<NameVariant> aliases = new ArrayList<>();
    final Set<String> countries = new HashSet<>();

    Builder(int number, String name, PartyType type, String programs, String remarks) {
      this.number = number;
      this.name = name;
      this.type = type;
      this.programs =
          Arrays.stream(programs.replace("[", "").split("\\]"))
              .map(String::strip)
              .filter(p -> !p.isEmpty())
              .toList();
      this.remarks = remarks;
    }

    ListedEntry build() {
      List<NameVariant> names = new ArrayList<>();
      names.add(new NameVariant(name, NameVariant.Kind.PRIMARY));
      names.addAll(aliases);
      Set<Identifier> identifiers = new HashSet<>();
      Matcher bic = BIC_REMARK.matcher(remarks);
      while (bic.find()) {
        identifiers.add(Identifier.bic(bic.group(1)));
      }
      Matcher imo = IMO_REMARK.matcher(remarks);
      while (imo.find()) {
        identifiers.add(Identifier.imo(imo.group(1)));
      }
      return new ListedEntry(
          new ListingId(number), type, programs, names, countries, identifiers, remarks);
    }
  }

  private record Row(String file, int line, List<String> fields) {
    String field(int index) {
      return fields.get(index);
    }

    int id() {
      try {
        return Integer.parseInt(field(0));
      } catch (NumberFormatException e) {
        throw error("the first field is an entry number: " + field(0));
      }
    }

    SanctionsListException error(String problem) {
      return new SanctionsListException(file + " line " + line + ": " + problem);
    }
  }

  private static List<Row> rows(String file, byte[] bytes, int columns) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text.split("\r?\n")) {
      lineNumber++;
      // OFAC's files end with a DOS end-of-file byte (0x1A) on a line of its own.
      if (line.isBlank() || line.equals("\u001a")) {
        continue;
      }
      List<String> fields = fields(file, lineNumber, line);
      if (fields.size() != columns) {
        throw new SanctionsListException(
            file + " line " + lineNumber + ": " + fields.size() + " fields, expected " + columns);
      }
      rows.add(new Row(file, lineNumber, fields));
    }
    if (rows.isEmpty()) {
      throw new SanctionsListException(file + " holds no entries");
    }
    return rows;
  }

  private static List<String> fields(String file, int lineNumber, String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(value(field));
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new SanctionsListException(file + " line " + lineNumber + ": unterminated quote");
    }
    fields.add(value(field));
    return fields;
  }

  private static String value(StringBuilder field) {
    String value = field.toString().strip();
    return value.equals("-0-") ? "" : value;
  }
}
