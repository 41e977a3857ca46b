package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What can be asked of a letter of credit. Every command carries its own business date, so deciding
 * is a pure function of the state and the command, and a replay decides the same way. Optional
 * fields are null when absent.
 */
public sealed interface LcCommand {

  CommandId commandId();

  /** The command's type name as the API and the command topic spell it. */
  default String type() {
    return getClass().getSimpleName();
  }

  /** The applicant asks for a credit to be issued (the application behind an MT700). */
  record ApplyForCredit(CommandId commandId, LcTerms terms, LocalDate appliedOn)
      implements LcCommand {
    public ApplyForCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(appliedOn, "appliedOn");
    }
  }

  record ApproveApplication(CommandId commandId, String approver, LocalDate approvedOn)
      implements LcCommand {
    public ApproveApplication {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(approver, "approver");
      Objects.requireNonNull(approvedOn, "approvedOn");
    }
  }

  record RejectApplication(CommandId commandId, String reason, LocalDate rejectedOn)
      implements LcCommand {
    public RejectApplication {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rejectedOn, "rejectedOn");
    }
  }

  /** The issuing bank issues the approved credit (MT700). */
  record IssueCredit(CommandId commandId, LocalDate issuedOn) implements LcCommand {
    public IssueCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(issuedOn, "issuedOn");
    }
  }

  /** The advising bank advises the credit to the beneficiary (MT710/MT730). */
  record AdviseCredit(CommandId commandId, LocalDate advisedOn) implements LcCommand {
    public AdviseCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(advisedOn, "advisedOn");
    }
  }

  record ConfirmCredit(CommandId commandId, Bank confirmingBank, LocalDate confirmedOn)
      implements LcCommand {
    public ConfirmCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(confirmingBank, "confirmingBank");
      Objects.requireNonNull(confirmedOn, "confirmedOn");
    }
  }

  /** The issuing bank amends the credit (MT707); binding on the beneficiary once accepted. */
  record RequestAmendment(
      CommandId commandId, AmendmentId amendmentId, AmendmentChanges changes, LocalDate requestedOn)
      implements LcCommand {
    public RequestAmendment {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(amendmentId, "amendmentId");
      Objects.requireNonNull(changes, "changes");
      Objects.requireNonNull(requestedOn, "requestedOn");
    }
  }

  record AcceptAmendment(CommandId commandId, AmendmentId amendmentId, LocalDate acceptedOn)
      implements LcCommand {
    public AcceptAmendment {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(amendmentId, "amendmentId");
      Objects.requireNonNull(acceptedOn, "acceptedOn");
    }
  }

  record RejectAmendment(
      CommandId commandId, AmendmentId amendmentId, String reason, LocalDate rejectedOn)
      implements LcCommand {
    public RejectAmendment {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(amendmentId, "amendmentId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rejectedOn, "rejectedOn");
    }
  }

  /**
   * The beneficiary presents documents for a drawing; {@code quantity} shipped may be null, and so
   * may {@code particulars}, what the documents show that screening judges (document numbers, the
   * carrier, the shipment as shipped).
   */
  record PresentDocuments(
      CommandId commandId,
      PresentationId presentationId,
      Money amount,
      LocalDate shipmentDate,
      LocalDate presentedOn,
      BigDecimal quantity,
      DocumentParticulars particulars)
      implements LcCommand {
    public PresentDocuments {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(shipmentDate, "shipmentDate");
      Objects.requireNonNull(presentedOn, "presentedOn");
      quantity = QuantityTerms.normalize(quantity);
    }
  }

  /** The examining bank's finding: complying when {@code discrepancies} is empty (art. 14, 15). */
  record RecordExamination(
      CommandId commandId,
      PresentationId presentationId,
      LocalDate examinedOn,
      List<Discrepancy> discrepancies)
      implements LcCommand {
    public RecordExamination {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(examinedOn, "examinedOn");
      discrepancies = List.copyOf(discrepancies);
    }
  }

  /** The issuing bank approaches the applicant for a waiver (art. 16(b)). */
  record SeekWaiver(CommandId commandId, PresentationId presentationId, LocalDate soughtOn)
      implements LcCommand {
    public SeekWaiver {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(soughtOn, "soughtOn");
    }
  }

  record WaiveDiscrepancies(CommandId commandId, PresentationId presentationId, LocalDate waivedOn)
      implements LcCommand {
    public WaiveDiscrepancies {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(waivedOn, "waivedOn");
    }
  }

  /** A single notice of refusal listing every discrepancy (art. 16(c), MT734). */
  record RefuseDocuments(
      CommandId commandId,
      PresentationId presentationId,
      LocalDate refusedOn,
      List<Discrepancy> discrepancies,
      DocumentDisposal disposal)
      implements LcCommand {
    public RefuseDocuments {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(refusedOn, "refusedOn");
      Objects.requireNonNull(disposal, "disposal");
      discrepancies = List.copyOf(discrepancies);
    }
  }

  /**
   * The bank honours the presentation (MT752/754/756) in the way the credit is available; deferred
   * payment and acceptance name a {@code maturityDate}, others leave it null.
   */
  record HonourPresentation(
      CommandId commandId,
      PresentationId presentationId,
      LocalDate honouredOn,
      AvailableBy mode,
      LocalDate maturityDate)
      implements LcCommand {
    public HonourPresentation {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(honouredOn, "honouredOn");
      Objects.requireNonNull(mode, "mode");
    }
  }

  record ReimburseHonour(CommandId commandId, PresentationId presentationId, LocalDate reimbursedOn)
      implements LcCommand {
    public ReimburseHonour {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(presentationId, "presentationId");
      Objects.requireNonNull(reimbursedOn, "reimbursedOn");
    }
  }

  record CloseCredit(CommandId commandId, LocalDate closedOn) implements LcCommand {
    public CloseCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(closedOn, "closedOn");
    }
  }

  /**
   * Cancels the credit. Before issue the applicant may withdraw; after issue an irrevocable credit
   * is cancelled only with the beneficiary's consent (art. 10(a)).
   */
  record CancelCredit(
      CommandId commandId, String reason, boolean beneficiaryConsent, LocalDate cancelledOn)
      implements LcCommand {
    public CancelCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(cancelledOn, "cancelledOn");
    }
  }

  record ExpireCredit(CommandId commandId, LocalDate asOf) implements LcCommand {
    public ExpireCredit {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(asOf, "asOf");
    }
  }

  /**
   * Places the credit's records under a legal hold for litigation or an examination (SEC 17a-4(f),
   * FCA SYSC 9), whatever its status: recorded as an event, in force until released. The records
   * are kept forever in any case; the hold says which matter needs them.
   *
   * @param holdId the matter's reference, such as SEC-2026-0113
   */
  record PlaceLegalHold(CommandId commandId, String holdId, String reason, LocalDate placedOn)
      implements LcCommand {
    public PlaceLegalHold {
      Objects.requireNonNull(commandId, "commandId");
      Identifiers.require("legal hold id", holdId);
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("a legal hold gives its reason");
      }
      Objects.requireNonNull(placedOn, "placedOn");
    }
  }

  /** Ends a legal hold once the matter is closed. */
  record ReleaseLegalHold(CommandId commandId, String holdId, String reason, LocalDate releasedOn)
      implements LcCommand {
    public ReleaseLegalHold {
      Objects.requireNonNull(commandId, "commandId");
      Identifiers.require("legal hold id", holdId);
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("releasing a legal hold gives its reason");
      }
      Objects.requireNonNull(releasedOn, "releasedOn");
    }
  }
}
