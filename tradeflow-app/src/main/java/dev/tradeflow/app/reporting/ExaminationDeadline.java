package dev.tradeflow.app.reporting;

import java.time.LocalDate;

/**
 * A presentation still awaiting examination, against its UCP 600 art. 14(b) deadline (the fifth
 * banking day after presentation).
 *
 * @param daysLeft calendar days from the report date to the deadline; negative once missed
 * @param missed true when the deadline has passed: art. 16(f) precludes a refusal
 */
public record ExaminationDeadline(
    String lcId,
    String presentationId,
    LocalDate presentedOn,
    LocalDate deadline,
    long daysLeft,
    boolean missed) {}
