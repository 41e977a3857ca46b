package dev.tradeflow.domain.lc;

/** Whether the advising bank is asked to add its confirmation (MT700 field 49). */
public enum ConfirmationInstruction {
  CONFIRM,
  MAY_ADD,
  WITHOUT
}
