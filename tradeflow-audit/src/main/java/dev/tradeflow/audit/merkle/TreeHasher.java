package dev.tradeflow.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 6962 (section 2.1): a leaf is SHA-256(0x00 || data), an inner node SHA-256(0x01
 * || left || right), and the empty tree SHA-256 of nothing. The prefixes keep a leaf from ever
 * passing for a node (second-preimage resistance).
 */
public final class TreeHasher {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  // A digest per thread, reset by each digest(): the sequencer hashes every record it reads.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(TreeHasher::newSha256);
  private static final Hash EMPTY = Hash.digest(newSha256());

  private TreeHasher() {}

  public static Hash leaf(byte[] data) {
    MessageDigest sha256 = sha256();
    sha256.update(LEAF_PREFIX);
    sha256.update(data);
    return Hash.digest(sha256);
  }

  public static Hash node(Hash left, Hash right) {
    MessageDigest sha256 = sha256();
    sha256.update(NODE_PREFIX);
    left.writeTo(sha256);
    right.writeTo(sha256);
    return Hash.digest(sha256);
  }

  /** The root of the tree with no leaves. */
  public static Hash empty() {
    return EMPTY;
  }

  private static MessageDigest sha256() {
    return SHA256.get();
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
