package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A letter of credit as its events have made it. Immutable: {@code evolve} returns a new state.
 * {@code effectiveExpiryDate}, {@code issuedOn} and {@code confirmingBank} are null until known.
 *
 * @param legalHolds the references of the legal holds in force on the credit's records, in the
 *     order placed
 */
public record LcState(
    LcStatus status,
    LcTerms terms,
    LocalDate appliedOn,
    LocalDate issuedOn,
    LocalDate effectiveExpiryDate,
    Bank confirmingBank,
    List<Amendment> amendments,
    List<Presentation> presentations,
    List<String> legalHolds) {

  public LcState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(terms, "terms");
    amendments = List.copyOf(amendments);
    presentations = List.copyOf(presentations);
    // Absent from a state stored before legal holds were recorded.
    legalHolds = legalHolds == null ? List.of() : List.copyOf(legalHolds);
  }

  static LcState applied(LcTerms terms, LocalDate appliedOn) {
    return new LcState(
        LcStatus.APPLIED, terms, appliedOn, null, null, null, List.of(), List.of(), List.of());
  }

  public Optional<Presentation> presentation(PresentationId id) {
    return presentations.stream().filter(p -> p.presentationId().equals(id)).findFirst();
  }

  public Optional<Amendment> pendingAmendment() {
    return amendments.stream()
        .filter(a -> a.status() == AmendmentStatus.AMENDMENT_PENDING)
        .findFirst();
  }

  /** What is drawn or claimed: every presentation not refused (art. 30 caps this). */
  public Money drawn() {
    Money total = Money.zero(terms.amount().currency());
    for (Presentation p : presentations) {
      if (p.status() != PresentationStatus.REFUSED) {
        total = total.plus(p.amount());
      }
    }
    return total;
  }

  public boolean hasOutstandingPresentations() {
    return presentations.stream().anyMatch(p -> p.status().isOutstanding());
  }

  LcState withStatus(LcStatus newStatus) {
    return copy(d -> d.status = newStatus);
  }

  LcState issued(LocalDate on, LocalDate effectiveExpiry) {
    return copy(
        d -> {
          d.status = LcStatus.ISSUED;
          d.issuedOn = on;
          d.effectiveExpiryDate = effectiveExpiry;
        });
  }

  LcState confirmedBy(Bank bank) {
    return copy(
        d -> {
          d.status = LcStatus.CONFIRMED;
          d.confirmingBank = bank;
        });
  }

  /** This state with {@code amendment} added, or replacing the one with its id where it stands. */
  LcState withAmendment(Amendment amendment) {
    List<Amendment> updated = new ArrayList<>(amendments);
    updated.replaceAll(a -> a.amendmentId().equals(amendment.amendmentId()) ? amendment : a);
    if (!updated.contains(amendment)) {
      updated.add(amendment);
    }
    return copy(d -> d.amendments = updated);
  }

  LcState amended(Amendment accepted, LocalDate newEffectiveExpiry) {
    return copy(d -> {
          d.terms = terms.amendedBy(accepted.changes());
          d.effectiveExpiryDate = newEffectiveExpiry;
        })
        .withAmendment(accepted);
  }

  LcState withPresentation(Presentation presentation) {
    List<Presentation> updated = new ArrayList<>(presentations);
    updated.add(presentation);
    return copy(d -> d.presentations = updated);
  }

  LcState updatePresentation(PresentationId id, UnaryOperator<Presentation> change) {
    List<Presentation> updated = new ArrayList<>(presentations.size());
    boolean found = false;
    for (Presentation p : presentations) {
      if (p.presentationId().equals(id)) {
        updated.add(change.apply(p));
        found = true;
      } else {
        updated.add(p);
      }
    }
    if (!found) {
      throw new IllegalStateException("no presentation " + id);
    }
    return copy(d -> d.presentations = updated);
  }

  LcState withLegalHold(String holdId, boolean inForce) {
    List<String> updated = new ArrayList<>(legalHolds);
    updated.remove(holdId);
    if (inForce) {
      updated.add(holdId);
    }
    return copy(d -> d.legalHolds = updated);
  }

  /** This state with the fields {@code change} sets on a scratch copy. */
  private LcState copy(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new LcState(
        d.status,
        d.terms,
        appliedOn,
        d.issuedOn,
        d.effectiveExpiryDate,
        d.confirmingBank,
        d.amendments,
        d.presentations,
        d.legalHolds);
  }

  /** The fields events change, as a scratch copy for {@link #copy}. */
  private static final class Draft {
    LcStatus status;
    LcTerms terms;
    LocalDate issuedOn;
    LocalDate effectiveExpiryDate;
    Bank confirmingBank;
    List<Amendment> amendments;
    List<Presentation> presentations;
    List<String> legalHolds;

    Draft(LcState state) {
      status = state.status;
      terms = state.terms;
      issuedOn = state.issuedOn;
      effectiveExpiryDate = state.effectiveExpiryDate;
      confirmingBank = state.confirmingBank;
      amendments = state.amendments;
      presentations = state.presentations;
      legalHolds = state.legalHolds;
    }
  }
}
