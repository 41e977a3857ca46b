package dev.tradeflow.audit.log;

import dev.tradeflow.audit.merkle.Hash;
import dev.tradeflow.audit.merkle.TreeHasher;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record as Kafka stored it, and its canonical encoding, which is the data of its leaf in the
 * partition's Merkle tree. The encoding covers everything a reader sees — topic, partition, offset,
 * timestamp, key, value and headers, bytes as stored (ciphertext when encrypted) — so that no
 * change to any of them goes unnoticed, and it decodes back, so that an archive holds the records
 * themselves.
 *
 * <p>Version 1, big-endian: 0x01; topic (u16 length, UTF-8); partition (i32); offset (i64);
 * timestamp (i64); key and value (i32 length, -1 for null, bytes); header count (i32), then per
 * header its name (u16 length, UTF-8) and value (i32 length, -1 for null, bytes).
 */
public record AuditedRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    List<Header> headers) {

  private static final byte VERSION = 1;

  /** A record header, its value as stored. */
  public record Header(String name, byte[] value) {
    public Header {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Header that
          && name.equals(that.name)
          && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return name + "(" + (value == null ? "null" : value.length + " bytes") + ")";
    }
  }

  public AuditedRecord {
    Objects.requireNonNull(topic, "topic");
    headers = List.copyOf(headers);
  }

  /** The same record, at the same place, with another value. */
  public AuditedRecord withValue(byte[] otherValue) {
    return new AuditedRecord(topic, partition, offset, timestamp, key, otherValue, headers);
  }

  /** The canonical encoding: the leaf's data. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + length(key) + length(value));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeName(out, topic);
      out.writeInt(partition);
      out.writeLong(offset);
      out.writeLong(timestamp);
      writeBytes(out, key);
      writeBytes(out, value);
      out.writeInt(headers.size());
      for (Header header : headers) {
        writeName(out, header.name());
        writeBytes(out, header.value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen in memory", e);
    }
    return bytes.toByteArray();
  }

  /** RFC 6962's leaf hash of the encoding. */
  public Hash leafHash() {
    return TreeHasher.leaf(encode());
  }

  /**
   * Reads an encoding back.
   *
   * @throws IllegalArgumentException when the bytes are not one whole version-1 encoding
   */
  public static AuditedRecord decode(byte[] encoded) {
    ByteBuffer in = ByteBuffer.wrap(encoded);
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown audited record version " + version);
      }
      String topic = readName(in);
      int partition = in.getInt();
      long offset = in.getLong();
      long timestamp = in.getLong();
      byte[] key = readBytes(in);
      byte[] value = readBytes(in);
      int count = in.getInt();
      if (count < 0 || count > in.remaining() / 6) {
        throw new IllegalArgumentException("an audited record cannot have " + count + " headers");
      }
      List<Header> headers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        headers.add(new Header(readName(in), readBytes(in)));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(
            in.remaining() + " bytes follow the audited record of " + topic + "-" + partition);
      }
      return new AuditedRecord(topic, partition, offset, timestamp, key, value, headers);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("the audited record is cut short", e);
    }
  }

  /** Where the record sits: {@code topic-partition@offset}. */
  public String position() {
    return topic + "-" + partition + "@" + offset;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditedRecord that && Arrays.equals(encode(), that.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "AuditedRecord[" + position() + ", " + length(value) + " bytes]";
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void writeName(DataOutputStream out, String name) throws IOException {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xffff) {
      throw new IllegalArgumentException("a name of " + utf8.length + " bytes is too long");
    }
    out.writeShort(utf8.length);
    out.write(utf8);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static String readName(ByteBuffer in) {
    byte[] utf8 = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(ByteBuffer in) {
    int length = in.getInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("a length of " + length + " exceeds the record");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }
}
