package dev.tradeflow.compliance.sanctions;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One party on the sanctions list: its listed name and aliases, the programs it is listed under
 * (SDGT, IRAN, …), the countries of its addresses (ISO 3166 alpha-2, where OFAC's spelling maps to
 * one), the identifiers found in its remarks, and the remarks themselves as evidence.
 */
public record ListedEntry(
    ListingId id,
    PartyType type,
    List<String> programs,
    List<NameVariant> names,
    Set<String> countries,
    Set<Identifier> identifiers,
    String remarks) {

  public ListedEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    programs = List.copyOf(programs);
    names = List.copyOf(names);
    countries = Set.copyOf(countries);
    identifiers = Set.copyOf(identifiers);
    Objects.requireNonNull(remarks, "remarks");
    if (names.isEmpty() || names.get(0).kind() != NameVariant.Kind.PRIMARY) {
      throw new IllegalArgumentException(id + ": the first name is the listed (primary) name");
    }
  }

  /** The name as listed (SDN_Name). */
  public String name() {
    return names.get(0).name();
  }
}
