package dev.tradeflow.runtime.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/**
 * A record parked in a dead-letter topic: its original key, value and headers, and the {@link
 * DeadLetterHeaders} that say where it came from and why it was parked.
 *
 * @param parkedAt the dead-letter record's timestamp
 * @param recordHeaders the dead-letter record's headers, in order, bytes as stored
 */
public record DeadLetter(
    DeadLetterId id, Instant parkedAt, byte[] key, byte[] value, List<Header> recordHeaders) {

  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(parkedAt, "parkedAt");
    recordHeaders = List.copyOf(recordHeaders);
  }

  /** Every header as UTF-8 text, in record order; a repeated name shows its last value. */
  public Map<String, String> headers() {
    Map<String, String> text = new LinkedHashMap<>();
    for (Header header : recordHeaders) {
      text.put(
          header.key(),
          header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
    return Collections.unmodifiableMap(text);
  }

  /** The key as UTF-8 text, empty when it has none or is not text. */
  public Optional<String> keyText() {
    return key == null ? Optional.empty() : utf8(key);
  }

  /** The key in lower-case hex, as {@link ParkedKey} shows it. */
  public String keyHex() {
    return key == null ? null : HexFormat.of().formatHex(key);
  }

  public String originalTopic() {
    return header(DeadLetterHeaders.TOPIC).orElse("");
  }

  public int originalPartition() {
    return header(DeadLetterHeaders.PARTITION).map(Integer::parseInt).orElse(-1);
  }

  public long originalOffset() {
    return header(DeadLetterHeaders.OFFSET).map(Long::parseLong).orElse(-1L);
  }

  public String reason() {
    return header(DeadLetterHeaders.REASON).orElse("unknown");
  }

  public String consumerGroup() {
    return header(DeadLetterHeaders.CONSUMER_GROUP).orElse("");
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers().get(name));
  }

  /** Strict UTF-8: bytes that are not text are not shown as text with replacement marks. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
