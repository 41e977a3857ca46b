package dev.tradeflow.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** The catalogue of Tradeflow's topics: their names and how each one is configured. */
public final class Topics {

  /** Commands for the LC aggregate, keyed by LC id. */
  public static final String LC_COMMANDS = "tf.lc.commands";

  /** The log of record: every LC event, keyed by LC id, kept forever. */
  public static final String LC_EVENTS = "tf.lc.events";

  /** Accepted or rejected (with the reason) for each command, keyed by LC id. */
  public static final String LC_COMMAND_RESULTS = "tf.lc.command-results";

  /** What operators did with dead letters (replays, purges): an audit trail, kept forever. */
  public static final String DLQ_ACTIONS = "tf.dlq.actions";

  /**
   * Reads of personal data through the API (who, which resource, when), keyed by the path read;
   * kept forever and audited.
   */
  public static final String AUDIT_ACCESS = "tf.audit.access";

  /** Signed checkpoints of the audit log, with the leaves each adds; kept forever. */
  public static final String AUDIT_CHECKPOINTS = "tf.audit.checkpoints";

  /**
   * Where the audit sequencer resumes each partition's tree: compacted, one record per partition.
   */
  public static final String AUDIT_SEQUENCER_STATE = "tf.audit.sequencer-state";

  /** Screening work for the compliance service, keyed by LC id. */
  public static final String AML_SCREENING_REQUESTS = "tf.aml.screening-requests";

  /** The compliance service's findings per screening, keyed by LC id; kept forever. */
  public static final String AML_SCREENING_RESULTS = "tf.aml.screening-results";

  /** Compliance officers' decisions on review cases, keyed by LC id. */
  public static final String AML_CASE_COMMANDS = "tf.aml.case-commands";

  /** The review cases' history, keyed by LC id; kept forever. */
  public static final String AML_CASE_EVENTS = "tf.aml.case-events";

  /** Commands for credit facilities, keyed by facility id. */
  public static final String CREDIT_REQUESTS = "tf.credit.requests";

  /** The credit facilities' history, keyed by facility id; kept forever. */
  public static final String CREDIT_EVENTS = "tf.credit.events";

  /** The outcome of each facility command the issuance saga sent, keyed by LC id. */
  public static final String CREDIT_RESULTS = "tf.credit.results";

  /** Checkers' approval decisions for the issuance saga, keyed by LC id. */
  public static final String SAGA_APPROVALS = "tf.saga.approvals";

  /**
   * Amendments applied for while the issuance saga runs (the API sends every amendment here), keyed
   * by LC id: the credit's saga screens and reserves for one that raises the amount or names a new
   * beneficiary before sending it on to {@link #LC_COMMANDS}; one of a credit without a saga goes
   * on as it is. Kept forever: what a maker asked for, cleared or not.
   */
  public static final String SAGA_AMENDMENTS = "tf.saga.amendments";

  /**
   * Presentations of documents while the issuance saga runs (the API sends every presentation
   * here), keyed by LC id: the credit's saga screens the particulars of one that states them (its
   * document numbers, carrier, vessel, route) before sending it on to {@link #LC_COMMANDS}. Kept
   * forever: what a presenter presented, cleared or not.
   */
  public static final String SAGA_PRESENTATIONS = "tf.saga.presentations";

  /**
   * Every trade document the compliance service has screened (invoice and bill-of-lading numbers
   * with their issuers), keyed by the document, with the credit it was claimed under: the first
   * claim of a document in its partition is the credit it belongs to, so a second credit's is a
   * duplicate. Kept forever, never compacted: the order of claims is the register.
   */
  public static final String AML_DOCUMENT_REGISTER = "tf.aml.document-register";

  private static final String DLQ_SUFFIX = ".dlq";

  private Topics() {}

  /** The dead-letter topic of a topic: {@code <topic>.dlq}. */
  public static String dlqOf(String topic) {
    return topic + DLQ_SUFFIX;
  }

  public static boolean isDeadLetterTopic(String topic) {
    return topic.endsWith(DLQ_SUFFIX);
  }

  /** The topic whose records {@code topic} parks, or {@code topic} itself if it is no DLQ. */
  public static String originOf(String topic) {
    return isDeadLetterTopic(topic)
        ? topic.substring(0, topic.length() - DLQ_SUFFIX.length())
        : topic;
  }

  /** Every topic the LC pipeline needs, sized and configured from {@code config}. */
  public static List<TopicSpec> catalogue(TradeflowConfig config) {
    return List.of(
        lcCommands(config),
        lcEvents(config),
        lcCommandResults(config),
        deadLetters(config, LC_COMMANDS),
        deadLetters(config, LC_EVENTS),
        dlqActions(config),
        keptForever(config, AUDIT_CHECKPOINTS),
        keptForever(config, AUDIT_ACCESS),
        auditSequencerState(config),
        work(config, AML_SCREENING_REQUESTS),
        keptForever(config, AML_SCREENING_RESULTS),
        work(config, AML_CASE_COMMANDS),
        keptForever(config, AML_CASE_EVENTS),
        work(config, CREDIT_REQUESTS),
        keptForever(config, CREDIT_EVENTS),
        work(config, CREDIT_RESULTS),
        keptForever(config, SAGA_APPROVALS),
        keptForever(config, SAGA_AMENDMENTS),
        keptForever(config, SAGA_PRESENTATIONS),
        keptForever(config, AML_DOCUMENT_REGISTER),
        deadLetters(config, AML_SCREENING_REQUESTS),
        deadLetters(config, AML_SCREENING_RESULTS),
        deadLetters(config, AML_CASE_COMMANDS),
        deadLetters(config, AML_CASE_EVENTS),
        deadLetters(config, CREDIT_REQUESTS),
        deadLetters(config, CREDIT_RESULTS),
        deadLetters(config, SAGA_APPROVALS),
        deadLetters(config, SAGA_AMENDMENTS),
        deadLetters(config, SAGA_PRESENTATIONS));
  }

  /** The issuance saga's input topics, each of which parks what it cannot read in its DLQ. */
  public static List<String> issuanceInputs() {
    return List.of(
        AML_SCREENING_RESULTS,
        AML_CASE_COMMANDS,
        AML_CASE_EVENTS,
        CREDIT_REQUESTS,
        CREDIT_RESULTS,
        SAGA_APPROVALS,
        SAGA_AMENDMENTS,
        SAGA_PRESENTATIONS);
  }

  /** Requests and answers between services: a week, to diagnose; the records are elsewhere. */
  private static TopicSpec work(TradeflowConfig config, String name) {
    return spec(
        config,
        name,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            millis(Duration.ofDays(7))));
  }

  /**
   * The topics the audit log covers: every one kept forever, since a tree over records that
   * retention deletes could no longer be checked.
   */
  public static List<String> audited() {
    return List.of(
        LC_EVENTS,
        dlqOf(LC_COMMANDS),
        dlqOf(LC_EVENTS),
        DLQ_ACTIONS,
        AUDIT_ACCESS,
        AML_SCREENING_RESULTS,
        AML_CASE_EVENTS,
        CREDIT_EVENTS,
        SAGA_APPROVALS,
        SAGA_AMENDMENTS,
        SAGA_PRESENTATIONS,
        AML_DOCUMENT_REGISTER,
        dlqOf(AML_SCREENING_REQUESTS),
        dlqOf(AML_SCREENING_RESULTS),
        dlqOf(AML_CASE_COMMANDS),
        dlqOf(AML_CASE_EVENTS),
        dlqOf(CREDIT_REQUESTS),
        dlqOf(CREDIT_RESULTS),
        dlqOf(SAGA_APPROVALS),
        dlqOf(SAGA_AMENDMENTS),
        dlqOf(SAGA_PRESENTATIONS));
  }

  public static TopicSpec auditSequencerState(TradeflowConfig config) {
    return spec(
        config,
        AUDIT_SEQUENCER_STATE,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  /** Where unreadable records of {@code topic} are parked: kept until an operator acts on them. */
  public static TopicSpec deadLetters(TradeflowConfig config, String topic) {
    return keptForever(config, dlqOf(topic));
  }

  public static TopicSpec dlqActions(TradeflowConfig config) {
    return keptForever(config, DLQ_ACTIONS);
  }

  private static TopicSpec keptForever(TradeflowConfig config, String name) {
    return spec(
        config,
        name,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            "-1"));
  }

  public static TopicSpec lcCommands(TradeflowConfig config) {
    // Commands are replayable for a week: enough to diagnose, and the events are the record.
    return spec(
        config,
        LC_COMMANDS,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            millis(Duration.ofDays(7))));
  }

  public static TopicSpec lcEvents(TradeflowConfig config) {
    // The source of truth: never compacted, never deleted by time or size.
    return spec(
        config,
        LC_EVENTS,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
  }

  public static TopicSpec lcCommandResults(TradeflowConfig config) {
    // Read by callers waiting for their answer; a day covers any retry.
    return spec(
        config,
        LC_COMMAND_RESULTS,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            millis(Duration.ofDays(1))));
  }

  private static TopicSpec spec(TradeflowConfig config, String name, Map<String, String> configs) {
    Map<String, String> withIsr = new HashMap<>(configs);
    withIsr.put(
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
        Integer.toString(config.kafka().minInsyncReplicas()));
    return new TopicSpec(
        name, config.kafka().partitions(), config.kafka().replicationFactor(), withIsr);
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
