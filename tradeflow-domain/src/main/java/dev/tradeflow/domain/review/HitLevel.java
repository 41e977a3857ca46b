package dev.tradeflow.domain.review;

/** How serious the hit behind a case is: a block needs two compliance officers to clear. */
public enum HitLevel {
  REVIEW,
  BLOCK
}
