package dev.tradeflow.domain.review;

import java.util.Objects;

/** Why a case command was refused. */
public record CaseRefusal(Code code, String detail) {

  public enum Code {
    CASE_NOT_FOUND,
    CASE_ALREADY_OPEN,
    CASE_ALREADY_DECIDED,
    /** Only a user with the compliance role decides cases. */
    NOT_A_COMPLIANCE_OFFICER,
    /** A block-level hit is cleared by two different compliance officers. */
    SECOND_OFFICER_REQUIRED
  }

  public CaseRefusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
