package dev.tradeflow.schemas.internals;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.schemas.EventDecodingException;
import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

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
