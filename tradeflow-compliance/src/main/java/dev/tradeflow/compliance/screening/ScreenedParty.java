package dev.tradeflow.compliance.screening;

import dev.tradeflow.compliance.sanctions.Identifier;
import dev.tradeflow.compliance.sanctions.PartyType;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A party of the trade as it is screened: its role, name, country, type and identifiers. */
public record ScreenedParty(
    PartyRole role,
    String name,
    Optional<String> country,
    Optional<PartyType> type,
    Set<Identifier> identifiers) {

  public ScreenedParty {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(type, "type");
    identifiers = Set.copyOf(identifiers);
  }

  /** A company or person in a country, its type unknown (applicants are often either). */
  public static ScreenedParty of(PartyRole role, String name, String country) {
    return new ScreenedParty(role, name, Optional.of(country), Optional.empty(), Set.of());
  }

  /** A bank, identified by its BIC (whose characters 5-6 are its country). */
  public static ScreenedParty bank(PartyRole role, String name, String bic) {
    return new ScreenedParty(
        role,
        name,
        Optional.of(bic.substring(4, 6)),
        Optional.of(PartyType.ENTITY),
        Set.of(Identifier.bic(bic)));
  }

  /** A carrier, by the name on its transport document: a company, its country not stated. */
  public static ScreenedParty carrier(String name) {
    return new ScreenedParty(
        PartyRole.CARRIER, name, Optional.empty(), Optional.of(PartyType.ENTITY), Set.of());
  }

  /** A vessel, by name and, where known, IMO number. */
  public static ScreenedParty vessel(String name, Optional<String> imo) {
    return new ScreenedParty(
        PartyRole.VESSEL,
        name,
        Optional.empty(),
        Optional.of(PartyType.VESSEL),
        imo.map(Identifier::imo).map(Set::of).orElse(Set.of()));
  }
}
