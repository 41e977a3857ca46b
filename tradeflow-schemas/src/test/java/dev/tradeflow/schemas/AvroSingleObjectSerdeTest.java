package dev.tradeflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSingleObjectSerdeTest {

  private static final String TOPIC = "tf.lc.events";

  private final EventSerde serde = new AvroSingleObjectSerde();

  static Stream<Arguments> everyEventType() {
    return Stream.of(true, false)
        .flatMap(
            optionalFields ->
                SampleEvents.recorded(SampleEvents.all(optionalFields)).stream()
                    .map(
                        event ->
                            Arguments.of(
                                event.eventType()
                                    + (optionalFields
                                        ? " with optional fields"
                                        : " without optional fields"),
                                event)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void an_event_reads_back_equal_and_with_the_hash_it_was_stored_with(
      String description, RecordedEvent<LcEvent> event) {
    RecordedEvent<LcEvent> decoded = serde.deserialize(TOPIC, serde.serialize(TOPIC, event));

    assertThat(decoded).isEqualTo(event);
    assertThat(HashChain.hashOf(decoded)).isEqualTo(event.hash());
  }

  @Test
  void a_history_read_back_still_verifies_as_a_hash_chain() {
    ChainHead head = ChainHead.EMPTY;
    for (RecordedEvent<LcEvent> event : SampleEvents.recorded(SampleEvents.all(true))) {
      RecordedEvent<LcEvent> decoded = serde.deserialize(TOPIC, serde.serialize(TOPIC, event));
      assertThat(HashChain.verifyNext(head, decoded)).isEmpty();
      head = ChainHead.of(decoded);
    }
    assertThat(head.version()).isEqualTo(LcEvent.class.getPermittedSubclasses().length);
  }

  @Test
  void the_bytes_are_an_avro_single_object_naming_the_writer_schema() {
    RecordedEvent<LcEvent> event = SampleEvents.recorded(new LcEvent.CreditExpired(date()));

    byte[] bytes = serde.serialize(TOPIC, event);

    assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint).isEqualTo(LcEventSchemas.of(LcEvent.CreditExpired.class).fingerprint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"USD 612345.67", "JPY 98000000", "BHD 1234.567", "CLF 250.1234"})
  void amounts_read_back_at_their_currency_minor_units(String amount) {
    String[] parts = amount.split(" ");
    Money money = Money.of(parts[1], parts[0]);
    RecordedEvent<LcEvent> event =
        SampleEvents.recorded(
            new LcEvent.HonourReimbursed(new PresentationId("PRES-1"), date(), money));

    LcEvent.HonourReimbursed decoded =
        (LcEvent.HonourReimbursed)
            serde.deserialize(TOPIC, serde.serialize(TOPIC, event)).payload();

    assertThat(decoded.amount()).isEqualTo(money);
    assertThat(decoded.amount().amount().scale())
        .isEqualTo(money.currency().getDefaultFractionDigits());
  }

  @Test
  void a_quantity_keeps_its_value_and_hash_whatever_scale_it_was_given() {
    RecordedEvent<LcEvent> event = SampleEvents.recorded(presentation(new BigDecimal("1200.50")));

    RecordedEvent<LcEvent> decoded = serde.deserialize(TOPIC, serde.serialize(TOPIC, event));

    BigDecimal quantity = ((LcEvent.DocumentsPresented) decoded.payload()).quantity();
    assertThat(quantity).isEqualByComparingTo("1200.5");
    assertThat(HashChain.hashOf(decoded)).isEqualTo(event.hash());
  }

  @Test
  void the_domain_admits_no_amount_the_schema_cannot_hold() {
    LogicalTypes.Decimal amount =
        (LogicalTypes.Decimal)
            dev.tradeflow.schemas.avro.Money.getClassSchema()
                .getField("amount")
                .schema()
                .getLogicalType();
    assertThat(amount.getPrecision() - amount.getScale()).isEqualTo(Money.MAX_INTEGER_DIGITS);
    RecordedEvent<LcEvent> largest =
        SampleEvents.recorded(
            new LcEvent.HonourReimbursed(
                new PresentationId("PRES-1"), date(), Money.of("999999999999999999.99", "USD")));
    assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, largest))).isEqualTo(largest);
  }

  @Test
  void the_domain_admits_no_quantity_the_schema_cannot_hold() {
    LogicalTypes.Decimal quantity =
        (LogicalTypes.Decimal)
            dev.tradeflow.schemas.avro.QuantityTerms.getClassSchema()
                .getField("quantity")
                .schema()
                .getLogicalType();
    assertThat(quantity.getScale()).isEqualTo(dev.tradeflow.domain.lc.QuantityTerms.MAX_DECIMALS);
    assertThat(quantity.getPrecision() - quantity.getScale())
        .isEqualTo(dev.tradeflow.domain.lc.QuantityTerms.MAX_INTEGER_DIGITS);
    RecordedEvent<LcEvent> finest =
        SampleEvents.recorded(presentation(new BigDecimal("9999999999999999.000001")));
    assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, finest))).isEqualTo(finest);
  }

  @Test
  void a_missing_required_value_is_refused_when_writing() {
    RecordedEvent<LcEvent> event =
        SampleEvents.recorded(new LcEvent.ApplicationApproved(null, date()));

    assertThatThrownBy(() -> serde.serialize(TOPIC, event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ApplicationApproved")
        .hasMessageContaining("approver");
  }

  @Test
  void events_written_by_one_instance_are_read_by_another() {
    List<RecordedEvent<LcEvent>> history = SampleEvents.recorded(SampleEvents.all(true));
    EventSerde reader = new AvroSingleObjectSerde();

    for (RecordedEvent<LcEvent> event : history) {
      assertThat(reader.deserialize(TOPIC, serde.serialize(TOPIC, event))).isEqualTo(event);
    }
  }

  private static LcEvent.DocumentsPresented presentation(BigDecimal quantity) {
    return new LcEvent.DocumentsPresented(
        new PresentationId("PRES-1"),
        Money.of("1000.00", "USD"),
        LocalDate.parse("2026-05-03"),
        LocalDate.parse("2026-05-12"),
        quantity,
        LocalDate.parse("2026-05-19"),
        null);
  }

  private static LocalDate date() {
    return LocalDate.parse("2026-07-01");
  }
}
