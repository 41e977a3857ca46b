package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the credit promises (the substance of an MT700): the parties, the amount and its tolerance,
 * the expiry and where it falls, the shipment and presentation periods, how it is available and the
 * goods, and how they are shipped. {@code latestShipmentDate}, {@code quantity} and {@code
 * shipment} may be null when the credit does not state them.
 */
public record LcTerms(
    Party applicant,
    Party beneficiary,
    Bank issuingBank,
    Bank advisingBank,
    Money amount,
    Tolerance tolerance,
    LocalDate expiryDate,
    String placeOfExpiry,
    LocalDate latestShipmentDate,
    int presentationPeriodDays,
    boolean partialDrawingsAllowed,
    AvailableBy availableBy,
    ConfirmationInstruction confirmation,
    String goodsDescription,
    QuantityTerms quantity,
    ShipmentTerms shipment) {

  /** Art. 14(c): 21 calendar days after shipment unless the credit says otherwise. */
  public static final int DEFAULT_PRESENTATION_PERIOD_DAYS = 21;

  private static final Pattern PLACE = Pattern.compile("[A-Z]{2}-[A-Z]{3}");

  public LcTerms {
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(issuingBank, "issuingBank");
    Objects.requireNonNull(advisingBank, "advisingBank");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(availableBy, "availableBy");
    Objects.requireNonNull(confirmation, "confirmation");
    Objects.requireNonNull(goodsDescription, "goodsDescription");
    if (placeOfExpiry == null || !PLACE.matcher(placeOfExpiry).matches()) {
      throw new IllegalArgumentException(
          "placeOfExpiry is a banking place code such as GB-LON or US-NYC: " + placeOfExpiry);
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("the credit amount is positive: " + amount);
    }
    if (presentationPeriodDays < 1 || presentationPeriodDays > 365) {
      throw new IllegalArgumentException(
          "presentationPeriodDays is 1-365: " + presentationPeriodDays);
    }
    if (latestShipmentDate != null && latestShipmentDate.isAfter(expiryDate)) {
      throw new IllegalArgumentException(
          "latestShipmentDate " + latestShipmentDate + " is after expiryDate " + expiryDate);
    }
    if (goodsDescription.isBlank()) {
      throw new IllegalArgumentException("goodsDescription is required");
    }
  }

  /** Terms that state nothing of the shipment beyond the latest date. */
  public LcTerms(
      Party applicant,
      Party beneficiary,
      Bank issuingBank,
      Bank advisingBank,
      Money amount,
      Tolerance tolerance,
      LocalDate expiryDate,
      String placeOfExpiry,
      LocalDate latestShipmentDate,
      int presentationPeriodDays,
      boolean partialDrawingsAllowed,
      AvailableBy availableBy,
      ConfirmationInstruction confirmation,
      String goodsDescription,
      QuantityTerms quantity) {
    this(
        applicant,
        beneficiary,
        issuingBank,
        advisingBank,
        amount,
        tolerance,
        expiryDate,
        placeOfExpiry,
        latestShipmentDate,
        presentationPeriodDays,
        partialDrawingsAllowed,
        availableBy,
        confirmation,
        goodsDescription,
        quantity,
        null);
  }

  /** The most that may be drawn: the amount plus its tolerance (art. 30). */
  public Money maximumDrawable() {
    return tolerance.maximum(amount);
  }

  /** These terms with an accepted amendment's changes applied. */
  public LcTerms amendedBy(AmendmentChanges changes) {
    return new LcTerms(
        applicant,
        changes.newBeneficiary() != null ? changes.newBeneficiary() : beneficiary,
        issuingBank,
        advisingBank,
        changes.newAmount() != null ? changes.newAmount() : amount,
        tolerance,
        changes.newExpiryDate() != null ? changes.newExpiryDate() : expiryDate,
        placeOfExpiry,
        changes.newLatestShipmentDate() != null
            ? changes.newLatestShipmentDate()
            : latestShipmentDate,
        presentationPeriodDays,
        partialDrawingsAllowed,
        availableBy,
        confirmation,
        goodsDescription,
        quantity,
        shipment);
  }
}
