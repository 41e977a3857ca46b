package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.CommandSequences.scenarios;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.CommandSequences.Scenario;
import dev.tradeflow.domain.lc.LcProcessor.Run;
import dev.tradeflow.domain.lc.LcProcessor.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the aggregate over random command sequences (see {@link CommandSequences}), run
 * through {@link LcProcessor} as the command processor would run them. The seed is fixed so every
 * build checks the same sequences; QuickTheories prints it with any falsifying scenario, and {@code
 * -DQT_SEED=<seed>} replays another set of sequences.
 */
class LetterOfCreditPropertiesTest {

  private static final long SEED = Long.getLong("QT_SEED", 20260205L);
  private static final int EXAMPLES = 1000;
  private static final int MAX_COMMANDS = 40;

  private static void forAnyScenario(Consumer<Scenario> property) {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .withShrinkCycles(200)
        .forAll(scenarios(MAX_COMMANDS))
        .checkAssert(property);
  }

  private static void forAnyRun(Consumer<Run> property) {
    forAnyScenario(scenario -> property.accept(LcProcessor.process(scenario.commands())));
  }

  @Test
  void versions_are_gap_free_and_every_event_links_to_the_hash_before_it() {
    forAnyRun(
        run -> {
          List<RecordedEvent<LcEvent>> events = run.events();
          assertThat(events)
              .extracting(RecordedEvent::aggregateVersion)
              .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
          ChainHead head = ChainHead.EMPTY;
          EventHash previous = EventHash.GENESIS;
          for (RecordedEvent<LcEvent> event : events) {
            assertThat(event.prevHash()).isEqualTo(previous);
            assertThat(HashChain.verifyNext(head, event)).isEmpty();
            head = ChainHead.of(event);
            previous = event.hash();
          }
        });
  }

  @Test
  void drawings_never_exceed_the_amount_plus_its_tolerance_even_across_amendments() {
    forAnyRun(
        run -> {
          for (Step step : run.steps()) {
            step.after()
                .ifPresent(
                    state ->
                        assertThat(state.drawn())
                            .as("drawn after %s", step.command())
                            .isLessThanOrEqualTo(state.terms().maximumDrawable()));
          }
        });
  }

  @Test
  void replaying_the_emitted_events_from_scratch_rebuilds_the_state_held() {
    forAnyRun(
        run -> {
          List<RecordedEvent<LcEvent>> events = run.events();
          int replayed = 0;
          for (Step step : run.steps()) {
            replayed += step.recorded().size();
            List<LcEvent> history =
                events.subList(0, replayed).stream().map(RecordedEvent::payload).toList();
            assertThat(LetterOfCredit.replay(history))
                .as("replay after %s", step.command())
                .isEqualTo(step.after());
          }
        });
  }

  @Test
  void a_rejected_command_changes_nothing() {
    forAnyRun(
        run -> {
          for (Step step : run.steps()) {
            if (!step.decision().isAccepted()) {
              assertThat(step.decision().events()).isEmpty();
              assertThat(step.recorded()).isEmpty();
              assertThat(step.after()).isEqualTo(step.before());
            }
          }
          Run acceptedOnly = LcProcessor.process(run.acceptedCommands());
          assertThat(acceptedOnly.steps()).allMatch(step -> step.decision().isAccepted());
          assertThat(acceptedOnly.payloads()).isEqualTo(run.payloads());
          assertThat(acceptedOnly.finalState()).isEqualTo(run.finalState());
        });
  }

  @Test
  void deciding_is_deterministic() {
    forAnyRun(
        run -> {
          List<LcEvent> payloads = run.payloads();
          int before = 0;
          for (Step step : run.steps()) {
            Optional<LcState> replayed = LetterOfCredit.replay(payloads.subList(0, before));
            assertThat(LetterOfCredit.decide(step.before(), step.command(), LcFixture.CALENDAR))
                .isEqualTo(step.decision());
            assertThat(LetterOfCredit.decide(replayed, step.command(), LcFixture.CALENDAR))
                .isEqualTo(step.decision());
            before += step.decision().events().size();
          }
        });
  }

  @Test
  void the_sequences_reach_every_status_and_most_rejections() {
    Set<LcStatus> credits = EnumSet.noneOf(LcStatus.class);
    Set<PresentationStatus> presentations = EnumSet.noneOf(PresentationStatus.class);
    Set<AmendmentStatus> amendments = EnumSet.noneOf(AmendmentStatus.class);
    Set<RejectionCode> rejections = EnumSet.noneOf(RejectionCode.class);
    long[] decided = new long[2];
    forAnyScenario(
        scenario -> {
          for (Step step : LcProcessor.process(scenario.commands()).steps()) {
            LcState state = step.after().orElseThrow();
            credits.add(state.status());
            state.presentations().forEach(p -> presentations.add(p.status()));
            state.amendments().forEach(a -> amendments.add(a.status()));
            step.decision().rejection().ifPresent(r -> rejections.add(r.code()));
            decided[step.decision().isAccepted() ? 0 : 1]++;
          }
        });

    assertThat(credits).containsExactlyInAnyOrder(LcStatus.values());
    assertThat(presentations).containsExactlyInAnyOrder(PresentationStatus.values());
    assertThat(amendments).containsExactlyInAnyOrder(AmendmentStatus.values());
    assertThat(rejections)
        .as(
            "every rejection but LC_NOT_FOUND (each scenario applies first), INVALID_COMMAND,"
                + " COMMAND_ID_REUSED and CREDIT_SHREDDED (the processor's, not the aggregate's) and"
                + " AMENDMENT_NOT_CLEARED and PRESENTATION_NOT_CLEARED (the issuance saga's)")
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(
                EnumSet.of(
                    RejectionCode.LC_NOT_FOUND,
                    RejectionCode.INVALID_COMMAND,
                    RejectionCode.COMMAND_ID_REUSED,
                    RejectionCode.CREDIT_SHREDDED,
                    RejectionCode.AMENDMENT_NOT_CLEARED,
                    RejectionCode.PRESENTATION_NOT_CLEARED)));
    double acceptedShare = (double) decided[0] / (decided[0] + decided[1]);
    assertThat(acceptedShare).isBetween(0.3, 0.8);
  }
}
