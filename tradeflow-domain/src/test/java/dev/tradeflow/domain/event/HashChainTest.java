package dev.tradeflow.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.event.HashChain.ChainBreak;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcEvent.CreditClosed;
import dev.tradeflow.domain.lc.LcEvent.DocumentsPresented;
import dev.tradeflow.domain.lc.LcEvent.ExaminationRecorded;
import dev.tradeflow.domain.lc.LcEvent.PresentationHonoured;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.money.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashChainTest {

  private static final String LC = "LC-2026-0001";
  private static final EventContext CONTEXT =
      new EventContext(
          "cmd-7", "issuance-saga-3", "ops@bank", Instant.parse("2026-03-10T09:15:00.123456Z"));
  private static final PresentationId P1 = new PresentationId("P1");

  private static final List<LcEvent> HISTORY =
      List.of(
          new DocumentsPresented(
              P1,
              Money.of("40000.00", "USD"),
              LocalDate.parse("2026-03-02"),
              LocalDate.parse("2026-03-10"),
              new BigDecimal("950"),
              LocalDate.parse("2026-03-17"),
              null),
          new ExaminationRecorded(P1, LocalDate.parse("2026-03-11"), List.of()),
          new PresentationHonoured(
              P1,
              LocalDate.parse("2026-03-12"),
              AvailableBy.SIGHT_PAYMENT,
              Money.of("40000.00", "USD"),
              null));

  private static Supplier<UUID> eventIds() {
    long[] next = {0};
    return () -> new UUID(0x7F, ++next[0]);
  }

  private static List<RecordedEvent<LcEvent>> chain() {
    return HashChain.append(ChainHead.EMPTY, LC, HISTORY, CONTEXT, eventIds());
  }

  @Test
  void an_empty_chain_starts_before_version_one_at_the_genesis_hash() {
    assertThat(ChainHead.EMPTY.version()).isZero();
    assertThat(ChainHead.EMPTY.hash()).isEqualTo(EventHash.GENESIS);
    assertThat(EventHash.GENESIS.hex()).isEqualTo("0".repeat(64));
  }

  @Test
  void appended_events_are_numbered_from_one_without_gaps_and_linked_by_their_hashes() {
    List<RecordedEvent<LcEvent>> chain = chain();

    assertThat(chain).extracting(RecordedEvent::aggregateVersion).containsExactly(1L, 2L, 3L);
    assertThat(chain.get(0).prevHash()).isEqualTo(EventHash.GENESIS);
    assertThat(chain.get(1).prevHash()).isEqualTo(chain.get(0).hash());
    assertThat(chain.get(2).prevHash()).isEqualTo(chain.get(1).hash());
    assertThat(chain).extracting(RecordedEvent::hash).doesNotHaveDuplicates();
    assertThat(chain).extracting(RecordedEvent::payload).containsExactlyElementsOf(HISTORY);
  }

  @Test
  void appended_events_carry_the_envelope_of_their_context() {
    RecordedEvent<LcEvent> first = chain().get(0);

    assertThat(first.eventId()).isEqualTo(new UUID(0x7F, 1));
    assertThat(first.aggregateId()).isEqualTo(LC);
    assertThat(first.causationId()).isEqualTo("cmd-7");
    assertThat(first.correlationId()).isEqualTo("issuance-saga-3");
    assertThat(first.actor()).isEqualTo("ops@bank");
    assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-10T09:15:00.123Z"));
    assertThat(first.eventType()).isEqualTo("DocumentsPresented");
  }

  @Test
  void appending_in_batches_gives_the_same_chain_as_appending_at_once() {
    Supplier<UUID> ids = eventIds();
    List<RecordedEvent<LcEvent>> firstTwo =
        HashChain.append(ChainHead.EMPTY, LC, HISTORY.subList(0, 2), CONTEXT, ids);
    List<RecordedEvent<LcEvent>> third =
        HashChain.append(ChainHead.of(firstTwo.get(1)), LC, HISTORY.subList(2, 3), CONTEXT, ids);

    assertThat(third.get(0).aggregateVersion()).isEqualTo(3);
    assertThat(third.get(0).prevHash()).isEqualTo(firstTwo.get(1).hash());
    assertThat(third.get(0)).isEqualTo(chain().get(2));
  }

  @Test
  void every_event_of_an_untouched_chain_verifies() {
    ChainHead head = ChainHead.EMPTY;
    for (RecordedEvent<LcEvent> event : chain()) {
      assertThat(HashChain.verifyNext(head, event)).isEmpty();
      assertThat(HashChain.hashOf(event)).isEqualTo(event.hash());
      head = ChainHead.of(event);
    }
    assertThat(head.version()).isEqualTo(3);
  }

  @Test
  void a_changed_payload_field_is_detected() {
    List<RecordedEvent<LcEvent>> chain = chain();
    DocumentsPresented original = (DocumentsPresented) chain.get(0).payload();
    DocumentsPresented inflated =
        new DocumentsPresented(
            original.presentationId(),
            Money.of("40000.01", "USD"),
            original.shipmentDate(),
            original.presentedOn(),
            original.quantity(),
            original.examinationDeadline(),
            null);

    Optional<ChainBreak> broken =
        HashChain.verifyNext(ChainHead.EMPTY, withPayload(chain.get(0), inflated));

    assertThat(broken).isPresent();
    assertThat(broken.get().aggregateVersion()).isEqualTo(1);
    assertThat(broken.get().reason()).contains("does not match its content");
  }

  static Stream<Named<UnaryOperator<RecordedEvent<LcEvent>>>> envelopeChanges() {
    return Stream.of(
        Named.of(
            "eventId",
            e ->
                new RecordedEvent<>(
                    new UUID(0x7F, 99),
                    e.aggregateId(),
                    e.aggregateVersion(),
                    e.occurredAt(),
                    e.causationId(),
                    e.correlationId(),
                    e.actor(),
                    e.prevHash(),
                    e.hash(),
                    e.payload())),
        Named.of(
            "aggregateId",
            e ->
                new RecordedEvent<>(
                    e.eventId(),
                    "LC-2026-0002",
                    e.aggregateVersion(),
                    e.occurredAt(),
                    e.causationId(),
                    e.correlationId(),
                    e.actor(),
                    e.prevHash(),
                    e.hash(),
                    e.payload())),
        Named.of(
            "occurredAt",
            e ->
                new RecordedEvent<>(
                    e.eventId(),
                    e.aggregateId(),
                    e.aggregateVersion(),
                    e.occurredAt().plusMillis(1),
                    e.causationId(),
                    e.correlationId(),
                    e.actor(),
                    e.prevHash(),
                    e.hash(),
                    e.payload())),
        Named.of(
            "causationId",
            e ->
                new RecordedEvent<>(
                    e.eventId(),
                    e.aggregateId(),
                    e.aggregateVersion(),
                    e.occurredAt(),
                    "cmd-8",
                    e.correlationId(),
                    e.actor(),
                    e.prevHash(),
                    e.hash(),
                    e.payload())),
        Named.of(
            "correlationId",
            e ->
                new RecordedEvent<>(
                    e.eventId(),
                    e.aggregateId(),
                    e.aggregateVersion(),
                    e.occurredAt(),
                    e.causationId(),
                    "another-saga",
                    e.actor(),
                    e.prevHash(),
                    e.hash(),
                    e.payload())),
        Named.of(
            "actor",
            e ->
                new RecordedEvent<>(
                    e.eventId(),
                    e.aggregateId(),
                    e.aggregateVersion(),
                    e.occurredAt(),
                    e.causationId(),
                    e.correlationId(),
                    "intruder",
                    e.prevHash(),
                    e.hash(),
                    e.payload())));
  }

  @ParameterizedTest(name = "a changed {0}")
  @MethodSource("envelopeChanges")
  void a_changed_envelope_field_is_detected(UnaryOperator<RecordedEvent<LcEvent>> change) {
    RecordedEvent<LcEvent> first = chain().get(0);

    assertThat(HashChain.verifyNext(ChainHead.EMPTY, change.apply(first)))
        .hasValueSatisfying(broken -> assertThat(broken.reason()).contains("does not match"));
  }

  @Test
  void an_event_out_of_sequence_is_detected() {
    List<RecordedEvent<LcEvent>> chain = chain();

    assertThat(HashChain.verifyNext(ChainHead.of(chain.get(0)), chain.get(2)))
        .hasValueSatisfying(
            broken -> assertThat(broken.reason()).isEqualTo("version 3 follows version 1"));
    assertThat(HashChain.verifyNext(ChainHead.of(chain.get(1)), chain.get(1)))
        .hasValueSatisfying(
            broken -> assertThat(broken.reason()).isEqualTo("version 2 follows version 2"));
  }

  @Test
  void a_broken_link_to_the_previous_hash_is_detected() {
    List<RecordedEvent<LcEvent>> chain = chain();
    List<RecordedEvent<LcEvent>> forkedFromGenesis =
        HashChain.append(
            new ChainHead(1, EventHash.GENESIS), LC, HISTORY.subList(1, 2), CONTEXT, eventIds());

    Optional<ChainBreak> broken =
        HashChain.verifyNext(ChainHead.of(chain.get(0)), forkedFromGenesis.get(0));

    assertThat(broken)
        .hasValueSatisfying(
            b ->
                assertThat(b.reason())
                    .startsWith("prevHash " + EventHash.GENESIS)
                    .contains("does not link to " + chain.get(0).hash()));
  }

  @Test
  void a_rewritten_history_fails_at_the_first_event_after_the_rewrite() {
    List<RecordedEvent<LcEvent>> chain = chain();
    RecordedEvent<LcEvent> rewritten = withPayload(chain.get(0), HISTORY.get(1));
    RecordedEvent<LcEvent> rehashed =
        HashChain.append(ChainHead.EMPTY, LC, List.of(rewritten.payload()), CONTEXT, eventIds())
            .get(0);

    assertThat(HashChain.verifyNext(ChainHead.EMPTY, rehashed)).isEmpty();
    assertThat(HashChain.verifyNext(ChainHead.of(rehashed), chain.get(1)))
        .hasValueSatisfying(broken -> assertThat(broken.reason()).contains("does not link"));
  }

  @Test
  void an_event_hashes_the_same_after_a_round_trip_through_its_components() throws Exception {
    for (RecordedEvent<LcEvent> event : chain()) {
      RecordedEvent<LcEvent> readBack = rebuild(event);

      assertThat(readBack).isNotSameAs(event).isEqualTo(event);
      assertThat(HashChain.hashOf(readBack)).isEqualTo(event.hash());
    }
  }

  @Test
  void the_hash_is_sha256_over_the_canonical_envelope() throws Exception {
    RecordedEvent<CreditClosed> closed =
        HashChain.append(
                ChainHead.EMPTY,
                LC,
                List.of(new CreditClosed(LocalDate.parse("2026-07-02"))),
                new EventContext("cmd-9", "corr-1", "ops", Instant.parse("2026-07-02T08:00:00Z")),
                () -> UUID.fromString("00000000-0000-0000-0000-000000000001"))
            .get(0);
    String canonical =
        "{\"actor\":\"ops\",\"aggregateId\":\"LC-2026-0001\",\"aggregateVersion\":1,"
            + "\"causationId\":\"cmd-9\",\"correlationId\":\"corr-1\","
            + "\"eventId\":\"00000000-0000-0000-0000-000000000001\","
            + "\"eventType\":\"CreditClosed\",\"occurredAt\":\"2026-07-02T08:00:00Z\","
            + "\"payload\":{\"closedOn\":\"2026-07-02\"},"
            + "\"prevHash\":\""
            + "0".repeat(64)
            + "\"}";
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));

    assertThat(closed.hash().hex()).isEqualTo(HexFormat.of().formatHex(digest));
  }

  @Test
  void an_event_hash_is_a_sha256_hex_digest() {
    assertThat(new EventHash("AB".repeat(32)).hex()).isEqualTo("ab".repeat(32));
    assertThatThrownBy(() -> new EventHash("ab".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventHash("zz".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static <E extends DomainEvent> RecordedEvent<E> withPayload(
      RecordedEvent<?> event, E payload) {
    return new RecordedEvent<>(
        event.eventId(),
        event.aggregateId(),
        event.aggregateVersion(),
        event.occurredAt(),
        event.causationId(),
        event.correlationId(),
        event.actor(),
        event.prevHash(),
        event.hash(),
        payload);
  }

  /**
   * What a reader of the log does: every record is built again from its component values, and every
   * decimal comes back with more digits than it was written with.
   */
  @SuppressWarnings("unchecked")
  private static <T> T rebuild(T value) throws ReflectiveOperationException {
    if (value instanceof BigDecimal decimal) {
      return (T) decimal.setScale(decimal.scale() + 4);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object element : list) {
        copy.add(rebuild(element));
      }
      return (T) copy;
    }
    if (!(value instanceof Record record)) {
      return value;
    }
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = rebuild(components[i].getAccessor().invoke(record));
      types[i] = components[i].getType();
    }
    Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
    return (T) canonical.newInstance(values);
  }
}
