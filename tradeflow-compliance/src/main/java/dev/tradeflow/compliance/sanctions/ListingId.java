package dev.tradeflow.compliance.sanctions;

/** An entry's number on the OFAC SDN list ({@code ent_num}), stable across list editions. */
public record ListingId(int number) {

  public ListingId {
    if (number <= 0) {
      throw new IllegalArgumentException("an SDN entry number is positive: " + number);
    }
  }

  @Override
  public String toString() {
    return "SDN-" + number;
  }
}
