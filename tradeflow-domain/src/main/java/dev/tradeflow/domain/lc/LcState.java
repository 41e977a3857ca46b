package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A letter of credit as its events have made it. Immutable: {@code evolve} returns a new state.
 * {@code effectiveExpiryDate}, {@code issuedOn} and {@code confirmingBank} are null until known.
 */
public record LcState(
    LcStatus status,
    LcTerms terms,
    LocalDate appliedOn,
    LocalDate issuedOn,
    LocalDate effectiveExpiryDate,
    Bank confirmingBank,
    List<Amendment> amendments,
    List<Presentation> presentations) {

  public LcState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(terms, "terms");
    amendments = List.copyOf(amendments);
    presentations = List.copyOf(presentations);
  }

  static LcState applied(LcTerms terms, LocalDate appliedOn) {
    return new LcState(LcStatus.APPLIED, terms, appliedOn, null, null, null, List.of(), List.of());
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
    return new LcState(
        newStatus,
        terms,
        appliedOn,
        issuedOn,
        effectiveExpiryDate,
        confirmingBank,
        amendments,
        presentations);
  }

  LcState issued(LocalDate on, LocalDate effectiveExpiry) {
    return new LcState(
        LcStatus.ISSUED,
        terms,
        appliedOn,
        on,
        effectiveExpiry,
        confirmingBank,
        amendments,
        presentations);
  }

  LcState confirmedBy(Bank bank) {
    return new LcState(
        LcStatus.CONFIRMED,
        terms,
        appliedOn,
        issuedOn,
        effectiveExpiryDate,
        bank,
        amendments,
        presentations);
  }

  LcState withAmendment(Amendment amendment) {
    List<Amendment> updated = new ArrayList<>(amendments);
    updated.removeIf(a -> a.amendmentId().equals(amendment.amendmentId()));
    updated.add(amendment);
    return new LcState(
        status,
        terms,
        appliedOn,
        issuedOn,
        effectiveExpiryDate,
        confirmingBank,
        updated,
        presentations);
  }

  LcState amended(Amendment accepted, LocalDate newEffectiveExpiry) {
    return new LcState(
            status,
            terms.amendedBy(accepted.changes()),
            appliedOn,
            issuedOn,
            newEffectiveExpiry,
            confirmingBank,
            amendments,
            presentations)
        .withAmendment(accepted);
  }

  LcState withPresentation(Presentation presentation) {
    List<Presentation> updated = new ArrayList<>(presentations);
    updated.add(presentation);
    return new LcState(
        status,
        terms,
        appliedOn,
        issuedOn,
        effectiveExpiryDate,
        confirmingBank,
        amendments,
        updated);
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
    return new LcState(
        status,
        terms,
        appliedOn,
        issuedOn,
        effectiveExpiryDate,
        confirmingBank,
        amendments,
        updated);
  }
}
