package dev.tradeflow.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proofs against the definitions of RFC 6962 written out naively, over trees of every shape up to a
 * few hundred leaves, and proofs that were tampered with.
 */
class MerkleTreeTest {

  @Test
  void the_root_of_every_size_is_the_recursive_definition() {
    qt().forAll(integers().between(0, 300))
        .checkAssert(
            n -> {
              List<byte[]> data = leaves(n);
              MerkleTree tree = MerkleTree.of(hashes(data));
              CompactTree compact = CompactTree.empty();
              hashes(data).forEach(compact::append);
              Hash expected = mth(data);
              assertThat(tree.root()).isEqualTo(expected);
              assertThat(compact.root()).isEqualTo(expected);
              assertThat(CompactTree.restore(n, compact.subtrees()).root()).isEqualTo(expected);
              for (int m = 0; m <= n; m++) {
                assertThat(tree.root(m)).isEqualTo(mth(data.subList(0, m)));
              }
            });
  }

  @Test
  void every_inclusion_proof_verifies_and_none_for_another_leaf_index_or_size() {
    qt().forAll(integers().between(1, 70))
        .checkAssert(
            n -> {
              MerkleTree tree = MerkleTree.of(hashes(leaves(n)));
              for (int size = 1; size <= n; size++) {
                Hash root = tree.root(size);
                for (int i = 0; i < size; i++) {
                  InclusionProof proof = tree.inclusionProof(i, size);
                  assertThat(proof.verify(tree.leaf(i), root)).isTrue();
                  assertThat(proof.path()).isEqualTo(naivePath(hashes(leaves(size)), i));
                  if (size > 1) {
                    assertThat(proof.verify(tree.leaf((i + 1) % size), root)).isFalse();
                    InclusionProof wrongIndex =
                        new InclusionProof((i + 1) % size, size, proof.path());
                    assertThat(wrongIndex.verify(tree.leaf(i), root)).isFalse();
                  }
                  if (size < n) {
                    InclusionProof wrongSize = new InclusionProof(i, size + 1, proof.path());
                    assertThat(wrongSize.verify(tree.leaf(i), tree.root(size + 1))).isFalse();
                  }
                }
              }
            });
  }

  @Test
  void a_tampered_inclusion_path_is_rejected() {
    MerkleTree tree = MerkleTree.of(hashes(leaves(13)));
    Hash root = tree.root();
    InclusionProof proof = tree.inclusionProof(6, 13);
    List<Hash> path = proof.path();
    assertThat(path).hasSizeGreaterThan(2);

    List<Hash> swapped = new ArrayList<>(path);
    Collections.swap(swapped, 0, 1);
    List<Hash> shorter = path.subList(0, path.size() - 1);
    List<Hash> longer = new ArrayList<>(path);
    longer.add(root);
    List<Hash> flipped = new ArrayList<>(path);
    byte[] bytes = flipped.get(1).bytes();
    bytes[0] ^= 1;
    flipped.set(1, Hash.of(bytes));

    for (List<Hash> bad : List.of(swapped, shorter, longer, flipped, List.<Hash>of())) {
      assertThat(new InclusionProof(6, 13, bad).verify(tree.leaf(6), root)).isFalse();
    }
    assertThat(new InclusionProof(13, 13, path).verify(tree.leaf(6), root)).isFalse();
    assertThat(new InclusionProof(-1, 13, path).verify(tree.leaf(6), root)).isFalse();
  }

  @Test
  void every_consistency_proof_verifies_and_none_between_other_roots() {
    qt().forAll(integers().between(1, 70))
        .checkAssert(
            n -> {
              List<byte[]> data = leaves(n);
              MerkleTree tree = MerkleTree.of(hashes(data));
              for (int m = 0; m <= n; m++) {
                ConsistencyProof proof = tree.consistencyProof(m, n);
                assertThat(proof.verify(tree.root(m), tree.root(n))).isTrue();
                if (m > 0 && m < n) {
                  assertThat(proof.verify(tree.root(m - 1), tree.root(n))).isFalse();
                  assertThat(proof.verify(tree.root(m), tree.root(n - 1))).isFalse();
                  List<Hash> otherData = hashes(data);
                  otherData.set(m - 1, TreeHasher.leaf("forged".getBytes(StandardCharsets.UTF_8)));
                  MerkleTree forged = MerkleTree.of(otherData);
                  assertThat(proof.verify(forged.root(m), tree.root(n)))
                      .as("an old tree with its last leaf changed, %d of %d", m, n)
                      .isFalse();
                  List<Hash> shorter = proof.path().subList(0, proof.path().size() - 1);
                  assertThat(new ConsistencyProof(m, n, shorter).verify(tree.root(m), tree.root(n)))
                      .isFalse();
                }
              }
            });
  }

  @Test
  void a_consistency_proof_for_other_sizes_is_rejected() {
    MerkleTree tree = MerkleTree.of(hashes(leaves(20)));
    ConsistencyProof proof = tree.consistencyProof(7, 20);
    assertThat(new ConsistencyProof(20, 7, proof.path()).verify(tree.root(7), tree.root(20)))
        .isFalse();
    assertThat(new ConsistencyProof(7, 20, List.of()).verify(tree.root(7), tree.root(20)))
        .isFalse();
    assertThat(new ConsistencyProof(20, 20, List.of()).verify(tree.root(20), tree.root(20)))
        .isTrue();
    assertThat(new ConsistencyProof(20, 20, List.of()).verify(tree.root(19), tree.root(20)))
        .isFalse();
  }

  @Test
  void a_compact_tree_restored_with_the_wrong_number_of_subtrees_is_refused() {
    CompactTree compact = CompactTree.empty();
    hashes(leaves(6)).forEach(compact::append);
    assertThat(compact.subtrees()).hasSize(2);
    assertThatThrownBy(() -> CompactTree.restore(7, compact.subtrees()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 perfect subtrees, not 2");
  }

  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    return leaves;
  }

  static List<Hash> hashes(List<byte[]> data) {
    List<Hash> hashes = new ArrayList<>();
    data.forEach(d -> hashes.add(TreeHasher.leaf(d)));
    return hashes;
  }

  /** MTH of RFC 6962 2.1, straight from its definition. */
  private static Hash mth(List<byte[]> data) {
    if (data.isEmpty()) {
      return TreeHasher.empty();
    }
    if (data.size() == 1) {
      return TreeHasher.leaf(data.get(0));
    }
    int k = Integer.highestOneBit(data.size() - 1);
    return TreeHasher.node(mth(data.subList(0, k)), mth(data.subList(k, data.size())));
  }

  /** PATH of RFC 6962 2.1.1, straight from its definition. */
  private static List<Hash> naivePath(List<Hash> leaves, int m) {
    if (leaves.size() == 1) {
      return new ArrayList<>();
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    List<Hash> path;
    if (m < k) {
      path = naivePath(leaves.subList(0, k), m);
      path.add(MerkleTree.of(leaves.subList(k, leaves.size())).root());
    } else {
      path = naivePath(leaves.subList(k, leaves.size()), m - k);
      path.add(MerkleTree.of(leaves.subList(0, k)).root());
    }
    return path;
  }
}
