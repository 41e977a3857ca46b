package dev.tradeflow.schemas.internals;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.EventDecodingException;
import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecordBase;

/** Checks of Avro binary bodies, and the failure to write one, shared by the event encodings. */
public final class AvroBodies {

  private AvroBodies() {}

  /** An event that its schema cannot hold (a value out of range, a missing required one). */
  public static IllegalArgumentException cannotWrite(
      String topic, RecordedEvent<?> event, AvroRuntimeException cause) {
    return new IllegalArgumentException(
        "cannot write "
            + event.eventType()
            + " "
            + event.eventId()
            + " of "
            + event.aggregateId()
            + " to "
            + topic
            + ": "
            + cause.getMessage(),
        cause);
  }

  /** Reads one Avro record body. */
  @FunctionalInterface
  public interface BodyReader {
    SpecificRecordBase read() throws IOException;
  }

  /**
   * The event in a checked body: whatever Avro throws on the bytes, or the domain on the values (an
   * unknown currency, a bad hash), is an {@link EventDecodingException} naming {@code what}
   * ("record with schema id 7") and the topic.
   */
  public static RecordedEvent<LcEvent> decode(String what, String topic, BodyReader body) {
    SpecificRecordBase record;
    try {
      record = body.read();
    } catch (SecurityException e) {
      throw e; // Avro distrusting the generated classes is a deployment fault, not a bad record
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(
          "corrupt " + what + " on " + topic + ": " + e.getMessage(), e);
    }
    try {
      return LcEventMapper.toRecordedEvent(record);
    } catch (RuntimeException e) {
      throw new EventDecodingException(
          what + " on " + topic + " is not a valid event: " + e.getMessage(), e);
    }
  }

  /**
   * Walks the body by its writer schema before decoding it. Decoding allocates whatever length or
   * count the bytes claim (a gigabyte for five corrupt bytes), whereas skipping over a byte array
   * stops at its end: so truncated, corrupt or overlong input fails here, cheaply.
   */
  public static void check(String topic, Schema writer, byte[] data, int offset) {
    BinaryDecoder body =
        DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null);
    String recordName = writer.getFullName();
    int unread;
    try {
      GenericDatumReader.skip(writer, body);
      unread = body.isEnd() ? 0 : body.inputStream().available();
    } catch (EOFException e) {
      throw new EventDecodingException(
          "truncated "
              + recordName
              + " record on "
              + topic
              + ": its "
              + data.length
              + " bytes end inside the record",
          e);
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(
          "corrupt " + recordName + " record on " + topic + ": " + e.getMessage(), e);
    }
    if (unread > 0) {
      throw new EventDecodingException(
          unread
              + " unexpected bytes after a "
              + recordName
              + " record on "
              + topic
              + " ("
              + data.length
              + " bytes)");
    }
  }
}
