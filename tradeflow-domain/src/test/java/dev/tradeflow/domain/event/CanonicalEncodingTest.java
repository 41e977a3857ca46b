package dev.tradeflow.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.lc.LcEvent.DocumentsPresented;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalEncodingTest {

  record Shipment(String zebra, int apple, boolean mango) {}

  record EventV1(String reference, BigDecimal amount) {}

  record EventV2(String reference, BigDecimal amount, String remark) {}

  record WithOptional(String reference, Optional<String> remark) {}

  record Nested(List<Shipment> shipments, Map<String, Object> extras) {}

  enum Side {
    BUY
  }

  @Test
  void record_fields_are_written_in_name_order_whatever_the_declaration_order() {
    assertThat(CanonicalEncoding.encode(new Shipment("z", 1, true)))
        .isEqualTo("{\"apple\":1,\"mango\":true,\"zebra\":\"z\"}");
  }

  @Test
  void absent_values_are_left_out() {
    assertThat(CanonicalEncoding.encode(new Shipment(null, 0, false)))
        .isEqualTo("{\"apple\":0,\"mango\":false}");
    assertThat(CanonicalEncoding.encode(new WithOptional("LC-1", Optional.empty())))
        .isEqualTo("{\"reference\":\"LC-1\"}");
  }

  @Test
  void a_present_optional_is_written_as_its_value() {
    assertThat(CanonicalEncoding.encode(new WithOptional("LC-1", Optional.of("late"))))
        .isEqualTo("{\"reference\":\"LC-1\",\"remark\":\"late\"}");
  }

  @Test
  void adding_an_optional_field_does_not_change_the_encoding_of_events_without_it() {
    String before = CanonicalEncoding.encode(new EventV1("LC-1", new BigDecimal("10.50")));
    String after = CanonicalEncoding.encode(new EventV2("LC-1", new BigDecimal("10.50"), null));

    assertThat(after).isEqualTo(before).isEqualTo("{\"amount\":10.5,\"reference\":\"LC-1\"}");
    assertThat(CanonicalEncoding.encode(new EventV2("LC-1", new BigDecimal("10.50"), "x")))
        .isNotEqualTo(before);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.50, 1.5",
    "100.00, 100",
    "100, 100",
    "1E+3, 1000",
    "0.000, 0",
    "-0.10, -0.1",
    "0.0001000, 0.0001",
    "123456789012345678901234567890.10, 123456789012345678901234567890.1",
  })
  void decimals_are_written_plainly_without_trailing_zeros(String decimal, String written) {
    assertThat(CanonicalEncoding.encode(new BigDecimal(decimal))).isEqualTo(written);
  }

  @Test
  void money_encodes_the_same_however_its_amount_was_written() {
    assertThat(CanonicalEncoding.encode(Money.of("100", "USD")))
        .isEqualTo(CanonicalEncoding.encode(Money.of("100.00", "USD")))
        .isEqualTo("{\"amount\":100,\"currency\":\"USD\"}");
  }

  @Test
  void strings_escape_quotes_backslashes_and_control_characters() {
    assertThat(CanonicalEncoding.encode("say \"hi\" \\ line\nfeed\rtab\tbell\u0007 nul\u0000"))
        .isEqualTo("\"say \\\"hi\\\" \\\\ line\\nfeed\\rtab\\tbell\\u0007 nul\\u0000\"");
  }

  @Test
  void other_characters_are_written_as_they_are() {
    assertThat(CanonicalEncoding.encode("Zürich ¥ 東京 /")).isEqualTo("\"Zürich ¥ 東京 /\"");
  }

  @Test
  void lists_keep_their_order_and_maps_are_sorted_by_key_without_absent_values() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("b", 2);
    extras.put("a", "one");
    extras.put("c", null);

    assertThat(
            CanonicalEncoding.encode(
                new Nested(
                    List.of(new Shipment("second", 2, false), new Shipment("first", 1, true)),
                    extras)))
        .isEqualTo(
            "{\"extras\":{\"a\":\"one\",\"b\":2},"
                + "\"shipments\":[{\"apple\":2,\"mango\":false,\"zebra\":\"second\"},"
                + "{\"apple\":1,\"mango\":true,\"zebra\":\"first\"}]}");
  }

  @Test
  void a_missing_element_inside_a_list_is_written_as_null() {
    assertThat(CanonicalEncoding.encode(Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
    assertThat(CanonicalEncoding.encode(null)).isEqualTo("null");
  }

  @Test
  void dates_instants_enums_currencies_and_ids_are_strings() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000002a");

    assertThat(CanonicalEncoding.encode(LocalDate.parse("2026-03-10"))).isEqualTo("\"2026-03-10\"");
    assertThat(CanonicalEncoding.encode(Instant.parse("2026-03-10T09:15:00.250Z")))
        .isEqualTo("\"2026-03-10T09:15:00.250Z\"");
    assertThat(CanonicalEncoding.encode(Side.BUY)).isEqualTo("\"BUY\"");
    assertThat(CanonicalEncoding.encode(Currency.getInstance("BHD"))).isEqualTo("\"BHD\"");
    assertThat(CanonicalEncoding.encode(id)).isEqualTo("\"00000000-0000-0000-0000-00000000002a\"");
    assertThat(CanonicalEncoding.encode(42L)).isEqualTo("42");
  }

  @Test
  void an_event_encodes_to_one_exact_text() {
    DocumentsPresented event =
        new DocumentsPresented(
            new PresentationId("P1"),
            Money.of("40000", "USD"),
            LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-03-10"),
            new BigDecimal("950.000"),
            LocalDate.parse("2026-03-17"),
            null);

    assertThat(CanonicalEncoding.encode(event))
        .isEqualTo(
            "{\"amount\":{\"amount\":40000,\"currency\":\"USD\"},"
                + "\"examinationDeadline\":\"2026-03-17\","
                + "\"presentationId\":{\"value\":\"P1\"},"
                + "\"presentedOn\":\"2026-03-10\","
                + "\"quantity\":950,"
                + "\"shipmentDate\":\"2026-03-02\"}");
  }

  @Test
  void a_value_without_a_canonical_form_is_refused() {
    assertThatThrownBy(() -> CanonicalEncoding.encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no canonical encoding");
  }
}
